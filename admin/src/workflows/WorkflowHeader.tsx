import { Alert, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { Facts, Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import { activityLabel } from './activityLabel';
import { AgeText, TemporalLink } from './fields';
import { WhatHappened } from './WhatHappened';
import { KindChip } from './KindChip';
import { ReasonChips } from './ReasonChips';
import type { WorkflowDetail } from './types';
import { WorkflowStageChip } from './WorkflowStageChip';

const f = (field: string) => `resources.workflows.fields.${field}`;

/** Which case, why it is stuck, since when, and who has it. */
export const WorkflowHeader = ({ record, gone }: { record: WorkflowDetail; gone: boolean }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const caseLabel = record.caseId ? translate('shequ.workflows.case_n', { id: record.caseId }) : '—';
  return (
    <Section title="shequ.workflows.section.workflow" className="shequ-workflow-header">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <KindChip kind={record.kind} />
        <Typography variant="h6" component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {record.id}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={translate(`shequ.workflow_status.${record.status}`, { _: record.status })}
          data-status={record.status}
        />
      </Stack>
      {gone && (
        <Alert severity="success" sx={{ mb: 1 }} className="shequ-workflow-gone">
          {translate('shequ.workflows.gone')}
        </Alert>
      )}
      {/* the API also answers for a workflow it knows that is no longer stuck (after an extension, say) */}
      {!gone && !record.reason && (record.reasons ?? []).length === 0 && (
        <Alert severity="info" sx={{ mb: 1 }} className="shequ-workflow-not-stuck">
          {translate('shequ.workflows.not_stuck_now')}
        </Alert>
      )}
      <Facts
        rows={[
          [f('reasons'), <ReasonChips record={record} />],
          [
            f('caseId'),
            record.caseLink ? (
              <MuiLink component={Link} to={record.caseLink}>
                {caseLabel}
              </MuiLink>
            ) : (
              caseLabel
            ),
          ],
          [f('stage'), <WorkflowStageChip kind={record.kind} stage={record.stage} />],
          [
            f('since'),
            <>
              {format(record.since)}
              {record.since && (
                <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                  (<AgeText since={record.since} />)
                </Typography>
              )}
            </>,
          ],
          [f('deadlineAt'), format(record.deadlineAt)],
          [f('assigneeName'), <span className="shequ-assignee">{record.assigneeName ?? '—'}</span>],
          [f('streetName'), [record.communityName, record.streetName].filter(Boolean).join(' · ') || '—'],
          [f('attempts'), record.attempts ?? '—'],
          [f('activityType'), activityLabel(translate, record.activityType)],
          [f('temporalUrl'), <TemporalLink url={record.temporalUrl} />],
        ]}
      />
      <WhatHappened record={record} />
    </Section>
  );
};
