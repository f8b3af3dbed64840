import { Chip, Stack, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { StuckReason, Workflow } from './types';

const reasonColor: Record<StuckReason, ChipProps['color']> = {
  overdue: 'error',
  failing_activity: 'warning',
  failing_workflow_task: 'error',
  waiting_signoff: 'info',
  drift: 'secondary',
};

export const ReasonChip = ({ reason }: { reason: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={reasonColor[reason as StuckReason] ?? 'default'}
      label={translate(`shequ.workflow_reason.${reason}`, { _: reason })}
      data-reason={reason}
    />
  );
};

/** Every reason the workflow is listed for, the main one first. */
export const ReasonChips = ({ record }: { record: Pick<Workflow, 'reason' | 'reasons'> }) => {
  const all = [record.reason, ...(record.reasons ?? []).filter((r) => r !== record.reason)].filter(
    (r): r is StuckReason => !!r,
  );
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {all.map((r) => (
        <ReasonChip key={r} reason={r} />
      ))}
    </Stack>
  );
};

export const ReasonsField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  return record ? <ReasonChips record={record} /> : null;
};
