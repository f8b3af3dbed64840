// A route helper calling workflow code itself instead of sending the workflow an Update.
import { monthly } from '../workflows/pure.js';

export const preview = (standardFen: number): number => monthly(standardFen, 0);
