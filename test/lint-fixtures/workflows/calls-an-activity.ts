// A workflow calling activity code directly instead of through proxyActivities.
import { pay } from '../activities/pay.js';

export const payNow = (fen: number): Promise<void> => pay(fen);
