import type { ChipProps } from '@mui/material';
import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { paymentSchema } from '../../../contract/payments';
import { paymentKinds, paymentStatuses, type PaymentKind, type PaymentStatus } from '../../../domain/disbursement';

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
export type Payment = RaRecord & z.output<typeof paymentSchema>;

// The re-issue body: the API's own schema (contract/payments.ts).
export type { ReissuePaymentBody } from '../../../contract/payments';
