import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Workflow, WorkflowKind } from './types';

const kindColor: Record<WorkflowKind, ChipProps['color']> = {
  benefit: 'primary',
  disbursement: 'secondary',
  referral: 'info',
  volunteer: 'success',
};

export const KindChip = ({ kind }: { kind: WorkflowKind | string | null }) => {
  const translate = useTranslate();
  if (!kind) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={kindColor[kind as WorkflowKind] ?? 'default'}
      label={translate(`shequ.workflow_kind.${kind}`, { _: kind })}
      data-kind={kind}
    />
  );
};

export const KindField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  return record ? <KindChip kind={record.kind} /> : null;
};
