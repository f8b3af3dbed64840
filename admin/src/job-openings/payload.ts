import type { JobOpeningCreateBody, JobOpeningUpdateBody } from '../../../contract/job-openings';
import type { JobOpening } from './types';

// Only the fields POST / PUT /api/job-openings take (the record carries names and counts too;
// PUT takes the status and never the employer), named and typed by the API's own schemas
// (contract/): a field renamed there fails the console's typecheck here.
// Wages are already fen: the inputs show yuan and parse back (see common/yuanInput.ts).

/** Partial for a create too: the form's validators require its fields, and the API refuses beside the input one still missing. */
export type OpeningPayload = Partial<JobOpeningCreateBody> & JobOpeningUpdateBody;

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
] as const satisfies readonly (keyof JobOpeningCreateBody & keyof JobOpeningUpdateBody)[];

export function toOpeningPayload(form: Partial<JobOpening>, mode: 'create' | 'edit' = 'create'): OpeningPayload {
  const out: OpeningPayload = {};
  for (const key of mode === 'edit' ? [...common, 'status' as const] : ['employerId' as const, ...common]) {
    // Each key's value has its own type: written through the wider view, read back as the body.
    if (form[key] !== undefined)
      (out as Record<string, unknown>)[key] = typeof form[key] === 'string' ? form[key].trim() : form[key];
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
