import { Grid, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { HttpError, Show, useNotify, useRecordContext, useRedirect, useShowContext } from 'react-admin';
import { Section } from '../common/Section';
import { InterventionsTable } from './InterventionsTable';
import type { WorkflowDetail } from './types';
import { WorkflowActions } from './WorkflowActions';
import { WorkflowHeader } from './WorkflowHeader';

/** The API answers 404 once the workflow is no longer stuck (handled, finished, terminated). */
const useGone = () => {
  const { error } = useShowContext();
  return error instanceof HttpError && error.status === 404;
};

const Actions = () => <WorkflowActions gone={useGone()} />;

const WorkflowDetailView = ({ onShown }: { onShown: () => void }) => {
  const record = useRecordContext<WorkflowDetail>();
  const gone = useGone();
  useEffect(() => {
    if (record) onShown();
  });
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: record.detail ? 7 : 12 }}>
        <WorkflowHeader record={record} gone={gone} />
      </Grid>
      {record.detail && (
        <Grid size={{ xs: 12, lg: 5 }}>
          <Section title="shequ.workflows.section.detail" className="shequ-workflow-detail">
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {record.detail}
            </Typography>
          </Section>
        </Grid>
      )}
      <Grid size={12}>
        <Section title="shequ.workflows.section.interventions">
          <InterventionsTable interventions={record.interventions} />
        </Section>
      </Grid>
    </Grid>
  );
};

/**
 * One stuck workflow and what can be done about it. Looks again every 15 s (attempts, the last
 * error). When a later look answers 404 the workflow has left the stuck list — often because of
 * the action just taken — so the page keeps the last answer and says so instead of leaving.
 */
export const WorkflowShow = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const shown = useRef(false);
  const onError = () => {
    if (shown.current) return;
    notify('shequ.workflows.not_stuck', { type: 'warning' });
    redirect('list', 'workflows');
  };
  return (
    <Show
      actions={<Actions />}
      queryOptions={{ refetchInterval: (query) => (query.state.error ? false : 15_000), onError }}
      className="shequ-workflow-show"
    >
      <WorkflowDetailView
        onShown={() => {
          shown.current = true;
        }}
      />
    </Show>
  );
};
