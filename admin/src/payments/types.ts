import type { ChipProps } from '@mui/material';
import type { RaRecord } from 'react-admin';
import { paymentKinds, paymentStatuses, type PaymentKind, type PaymentStatus } from '../../../domain/disbursement';

export { paymentKinds, paymentStatuses };
export type { PaymentKind, PaymentStatus };

export const statusChoices = paymentStatuses.map((id) => ({ id, name: `shequ.disbursement.payment_status.${id}` }));
export const kindChoices = paymentKinds.map((id) => ({ id, name: `shequ.disbursement.kind.${id}` }));

export const statusColor: Record<PaymentStatus, ChipProps['color']> = {
  pending: 'default',
  submitted: 'info',
  paid: 'success',
  failed: 'error',
  reissued: 'primary',
  carried: 'warning',
  cancelled: 'default',
};

/** One payment line (GET /api/payments). */
export interface Payment extends RaRecord {
  id: number;
  runId: number;
  period: string;
  enrollmentId: number;
  householdId: number;
  /** The account holder's name as sent to the bank. */
  name: string;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
  kind: PaymentKind;
  amountFen: number;
  standardFen: number;
  floorPerPersonFen: number;
  totalIncomeFen: number;
  members: number;
  accountMasked: string;
  status: PaymentStatus;
  failureReason: 'account_closed' | 'name_mismatch' | 'no_account' | string | null;
  reissueOf: number | null;
  arrearsOf: number | null;
  bankFileSeq: number | null;
  createdAt: string;
  updatedAt: string;
}
