import type { RaRecord } from 'react-admin';

/** An enterprise's list of surplus staff, received on one day (GET /api/referral-batches). */
export interface ReferralBatch extends RaRecord {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  reference: string;
  receivedOn: string;
  count: number;
  createdAt: string;
  referralIds: number[];
}

export interface Enterprise extends RaRecord {
  id: number;
  name: string;
  creditCode: string | null;
  contact: string;
}
