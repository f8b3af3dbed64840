import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { enrollmentDetailSchema, enrollmentSchema } from '../../../contract/enrollments';
import { enrollmentStatuses, type EnrollmentStatus } from '../../../domain/benefit-stages';
import type { Calculation, Decision, Member } from '../common/types';
import type { Stage } from '../common/stages';

export { enrollmentStatuses };
export type { EnrollmentStatus };
export const statusChoices = enrollmentStatuses.map((id) => ({ id, name: `shequ.status.${id}` }));

type EnrollmentRow = z.output<typeof enrollmentSchema>;
type EnrollmentDetail = z.output<typeof enrollmentDetailSchema>;

/** One dated term: what the household is due from effectiveFrom on (newest first). */
export type Term = Omit<EnrollmentDetail['terms'][number], 'calculation'> & {
  // The contract leaves the saved calculation an open record; the console reads it as the domain's.
  calculation: Calculation | null;
};

/** A list row (GET /api/enrollments); its page (GET /api/enrollments/:id) adds the rest, so those are optional. */
export type Enrollment = RaRecord &
  Omit<EnrollmentRow, 'stage'> &
  Partial<Omit<EnrollmentDetail, keyof EnrollmentRow | 'householdMembers' | 'terms' | 'decisions'>> & {
    // The contract types stages and relations as plain strings; the console reads them as its own lists.
    stage: Stage;
    householdMembers?: Member[];
    terms?: Term[];
    decisions?: Decision[];
  };
