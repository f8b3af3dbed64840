import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { jobSeekerDetailSchema, jobSeekerSchema } from '../../../contract/job-seekers';

/** A row of GET /api/job-seekers (her latest referral and its stage, or null); `referrals` comes with getOne only. */
export type JobSeeker = z.output<typeof jobSeekerSchema> &
  Partial<Pick<z.output<typeof jobSeekerDetailSchema>, 'referrals'>> &
  RaRecord;
