import type { DemoCaseloadResult } from '../db/seeds/demo-caseload.js';
import { yuan } from '../domain/allowance.js';

/** The launcher's one line about the demo district's caseload. */
export function caseloadLine(c: DemoCaseloadResult): string {
  if (!c.loaded) return `demo caseload present (${c.enrollments} enrollments)`;
  const avg = Math.round(c.totalAmountFen / c.households);
  return `demo caseload loaded: ${c.households} households / ${c.members} people enrolled, ${yuan(c.totalAmountFen)} a month (avg ${yuan(avg)} per household), ${c.applications} applications in progress; their workflows start with the API`;
}
