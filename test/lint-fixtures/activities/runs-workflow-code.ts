// An activity running a workflow's code directly instead of naming its types.
import { monthly } from '../workflows/pure.js';

export const due = (standardFen: number): number => monthly(standardFen, 0);
