// Allowed: a workflow using a pure domain rule and an activity's type.
import type { pay } from '../activities/pay.js';
import { allowanceFen } from '../domain/allowance.js';

export type Pay = typeof pay;
export const monthly = (standardFen: number, incomeFen: number): number => allowanceFen(standardFen, incomeFen);
