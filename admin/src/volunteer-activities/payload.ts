import { shanghaiLocal, shanghaiLocalToIso } from '../common/time';
import type { ActivityCreateBody } from './types';

// Times are typed in Beijing time (datetime-local) and travel as ISO instants; the inputs hold
// the API's own fields, so its messages about them land under them.

/** Input `format`: the ISO instant in the form state → "YYYY-MM-DDTHH:mm" in Beijing time. */
export const isoAsLocal = (iso: unknown): string => {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : shanghaiLocal(d);
};

/** Input `parse`: what was typed → the ISO instant; null while incomplete. */
export const localAsIso = (local: unknown): string | null =>
  typeof local === 'string' ? (shanghaiLocalToIso(local) ?? null) : null;

export interface ActivityForm {
  teamId: number;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  placesTotal: number;
  requiredSkills?: string[] | null;
  servesVulnerable?: boolean | null;
}

export const toActivityPayload = (form: ActivityForm): ActivityCreateBody => ({
  teamId: form.teamId,
  title: form.title.trim(),
  startsAt: form.startsAt,
  endsAt: form.endsAt,
  place: form.place.trim(),
  placesTotal: form.placesTotal,
  requiredSkills: form.requiredSkills ?? [],
  servesVulnerable: !!form.servesVulnerable,
});

/** react-admin validators. */
export const inFuture = (value: unknown): string | undefined =>
  typeof value === 'string' && Date.parse(value) <= Date.now() ? 'shequ.validation.starts_in_future' : undefined;

export const endsAfterStart = (value: unknown, all: Partial<ActivityForm>): string | undefined =>
  typeof value === 'string' && typeof all.startsAt === 'string' && Date.parse(value) <= Date.parse(all.startsAt)
    ? 'shequ.validation.ends_after_start'
    : undefined;
