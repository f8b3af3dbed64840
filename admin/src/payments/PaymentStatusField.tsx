import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { statusColor, type Payment, type PaymentKind, type PaymentStatus } from './types';

export const PaymentStatusChip = ({ status }: { status: PaymentStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={statusColor[status] ?? 'default'}
      label={translate(`shequ.disbursement.payment_status.${status}`, { _: status })}
      data-status={status}
      className="shequ-payment-status"
    />
  );
};

/** Why the bank (or the run, for a household without an account) refused the line. */
export const FailureReason = ({ reason }: { reason: string | null | undefined }) => {
  const translate = useTranslate();
  if (!reason) return null;
  return (
    <span className="shequ-failure-reason" data-reason={reason}>
      {translate(`shequ.disbursement.failure.${reason}`, { _: reason })}
    </span>
  );
};

/** Status, with the failure reason beside it. */
export const PaymentStatusField = (_props: FieldProps<Payment>) => {
  const record = useRecordContext<Payment>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} alignItems="center" useFlexGap flexWrap="wrap">
      <PaymentStatusChip status={record.status} />
      {record.failureReason && (
        <Chip size="small" variant="outlined" color="error" label={<FailureReason reason={record.failureReason} />} />
      )}
    </Stack>
  );
};

export const KindLabel = ({ kind }: { kind: PaymentKind }) => {
  const translate = useTranslate();
  return <>{translate(`shequ.disbursement.kind.${kind}`, { _: kind })}</>;
};

export const KindField = (_props: FieldProps<Payment>) => {
  const record = useRecordContext<Payment>();
  if (!record) return null;
  // A 渐退 month says which month of how many it is, beside the kind.
  return (
    <>
      <KindLabel kind={record.kind} />
      {record.note ? ` · ${record.note}` : ''}
    </>
  );
};
