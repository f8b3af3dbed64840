import type { JobOpening } from './types';

// Only the fields POST / PUT /api/job-openings take (the record carries names and counts too;
// PUT takes the status and never the employer).
// Wages are already fen: the inputs show yuan and parse back (see common/yuanInput.ts).

const common = [
  'title',
  'requiredSkills',
  'preferredSkills',
  'wageMinFen',
  'wageMaxFen',
  'streetId',
  'hoursPerWeek',
  'physical',
  'placesTotal',
] as const;

export function toOpeningPayload(form: Partial<JobOpening>, mode: 'create' | 'edit' = 'create') {
  const out: Record<string, unknown> = {};
  for (const key of mode === 'edit' ? [...common, 'status' as const] : ['employerId' as const, ...common]) {
    if (form[key] !== undefined) out[key] = typeof form[key] === 'string' ? form[key].trim() : form[key];
  }
  out.physical = !!form.physical;
  out.requiredSkills = form.requiredSkills ?? [];
  out.preferredSkills = form.preferredSkills ?? [];
  return out;
}

/** react-admin validators that look at the whole form. */
export const maxNotBelowMin = (value: unknown, all: Partial<JobOpening>) =>
  typeof value === 'number' && typeof all.wageMinFen === 'number' && value < all.wageMinFen
    ? 'shequ.validation.wage_range'
    : undefined;

export const notBelowPlaced = (value: unknown, all: Partial<JobOpening>) =>
  typeof value === 'number' && typeof all.placed === 'number' && value < all.placed
    ? 'shequ.validation.places_below_placed'
    : undefined;
