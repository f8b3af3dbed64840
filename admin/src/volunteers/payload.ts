import { ageOn, birthDateFromId, idNumberProblem } from '../../../domain/id-number';
import { ADULT_AGE, MIN_AGE } from '../../../domain/volunteer-rules';
import { shanghaiToday } from '../common/time';
import type { VolunteerRegisterBody } from './types';

// The registration form as typed → the body of POST /api/volunteers. The age comes from the ID
// number: under 14 nobody is registered; 14–17 needs a guardian who consents.

export { MIN_AGE };

export interface VolunteerForm {
  name: string;
  idNumber: string;
  phone?: string | null;
  communityId: number;
  skills?: string[] | null;
  availability?: string | null;
  partyMember?: boolean | null;
  servesVulnerable?: boolean | null;
  guardianName?: string | null;
  guardianConsent?: boolean | null;
}

/** Age today (Beijing) from a valid ID number; undefined while it is not one. */
export function ageFromIdNumber(idNumber: unknown, today = shanghaiToday()): number | undefined {
  if (typeof idNumber !== 'string') return undefined;
  const id = idNumber.trim().toUpperCase();
  if (idNumberProblem(id)) return undefined;
  return ageOn(birthDateFromId(id), today);
}

export const isMinorAge = (age: number | undefined): age is number =>
  age !== undefined && age >= MIN_AGE && age < ADULT_AGE;

/** react-admin validator for the ID number: registration starts at 14. */
export const notUnderMinAge = (value: unknown): string | undefined => {
  const age = ageFromIdNumber(value);
  return age !== undefined && age < MIN_AGE ? 'shequ.volunteer_form.too_young' : undefined;
};

/** react-admin validator for the consent box: it must be ticked. */
export const mustConsent = (value: unknown): string | undefined =>
  value === true ? undefined : 'shequ.volunteer_form.consent_required';

export function toVolunteerPayload(form: VolunteerForm): VolunteerRegisterBody {
  const idNumber = form.idNumber.trim().toUpperCase();
  const minor = isMinorAge(ageFromIdNumber(idNumber));
  return {
    name: form.name.trim(),
    idNumber,
    phone: form.phone?.trim() ?? '',
    communityId: form.communityId,
    skills: form.skills ?? [],
    availability: form.availability?.trim() ?? '',
    partyMember: !!form.partyMember,
    servesVulnerable: !!form.servesVulnerable,
    // only a minor has a guardian; what was typed before the ID number changed is dropped
    ...(minor ? { guardianName: form.guardianName?.trim() ?? '', guardianConsent: !!form.guardianConsent } : {}),
  };
}
