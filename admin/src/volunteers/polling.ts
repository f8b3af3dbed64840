import type { Volunteer } from './types';

// Screening runs by itself after registration (and after a re-screening): look again every 2 s
// until it has moved her on, so the stage and the approve button appear without a reload.

export function volunteerRefetchInterval(v: Volunteer | undefined): number | false {
  if (!v) return false;
  if (v.stage === 'registered' || v.stage === 'screening') return 2000;
  if (v.suitability === 'pending' && v.stage !== 'rejected' && v.stage !== 'inactive') return 2000;
  return false;
}
