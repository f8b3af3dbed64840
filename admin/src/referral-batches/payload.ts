import type { ReferralBatchCreateBody } from '../../../contract/referral-batches';
import type { EducationLevel } from '../referrals/types';

// The form as typed → the body of POST /api/referral-batches (the API's own schema, contract/).

export interface SeekerForm {
  name: string;
  idNumber: string;
  communityId: number;
  phone?: string | null;
  education: EducationLevel;
  skills?: string[] | null;
  experience?: string | null;
}

export interface BatchForm {
  enterpriseId: number;
  reference: string;
  receivedOn: string;
  seekers?: SeekerForm[];
}

export const toBatchPayload = (form: BatchForm): ReferralBatchCreateBody => ({
  enterpriseId: form.enterpriseId,
  reference: form.reference.trim(),
  receivedOn: form.receivedOn,
  seekers: (form.seekers ?? []).map((s) => ({
    name: s.name.trim(),
    idNumber: s.idNumber.trim().toUpperCase(),
    communityId: s.communityId,
    phone: s.phone?.trim() ?? '',
    education: s.education,
    skills: s.skills ?? [],
    experience: s.experience?.trim() ?? '',
  })),
});

/** Whole-list check for the seekers ArrayInput; the API checks the same. */
export function validateSeekers(seekers: SeekerForm[] | undefined): string | undefined {
  const list = seekers ?? [];
  if (list.length === 0) return 'shequ.batch.no_seekers';
  const ids = list.map((s) => s?.idNumber?.trim().toUpperCase()).filter(Boolean);
  if (new Set(ids).size !== ids.length) return 'shequ.batch.duplicate_id';
  return undefined;
}
