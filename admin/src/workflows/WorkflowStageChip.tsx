import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { StageChip } from '../common/StageChip';
import type { CaseStage } from '../common/stages';
import { PhaseChip } from '../disbursement-runs/PhaseChip';
import type { Phase } from '../disbursement-runs/types';
import type { Workflow } from './types';

// A disbursement run has phases, the case workflows stages; both chips fall back to the raw
// name when the console has no label for it (a stage added on the server before the console).
export const WorkflowStageChip = ({ kind, stage }: Pick<Workflow, 'kind' | 'stage'>) => {
  if (!stage) return <Typography variant="body2">—</Typography>;
  return kind === 'disbursement' ? <PhaseChip phase={stage as Phase} /> : <StageChip stage={stage as CaseStage} />;
};

export const WorkflowStageField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  return record ? <WorkflowStageChip kind={record.kind} stage={record.stage} /> : null;
};
