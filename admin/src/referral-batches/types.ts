import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { enterpriseSchema } from '../../../contract/enterprises';
import type { referralBatchSchema } from '../../../contract/referral-batches';

/** An enterprise's list of surplus staff, received on one day (GET /api/referral-batches). */
export type ReferralBatch = z.output<typeof referralBatchSchema> & RaRecord;

export type Enterprise = z.output<typeof enterpriseSchema> & RaRecord;
