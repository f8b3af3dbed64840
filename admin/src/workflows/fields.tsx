import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Link as MuiLink, Typography } from '@mui/material';
import { activityLabel } from './activityLabel';
import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { useFormatInstant } from '../common/time';
import { ageOf } from './age';
import type { Workflow } from './types';

// The links sit on a clickable row: a click on them must not also open the workflow.
const stop = (e: MouseEvent) => e.stopPropagation();

/** "3 days" / "5 hours": how long the workflow has been stuck. */
export const AgeText = ({ since }: { since: string | null }) => {
  const translate = useTranslate();
  const age = ageOf(since);
  return age ? <>{translate(`shequ.workflows.age.${age.unit}`, { n: age.n })}</> : null;
};

/** Since when, in Beijing time, and how long ago. */
export const SinceField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  const format = useFormatInstant();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {format(record.since)}
      </Typography>
      {record.since && (
        <Typography variant="caption" color="text.secondary" data-age>
          <AgeText since={record.since} />
        </Typography>
      )}
    </>
  );
};

/** The deadline to the minute, Beijing time, like `since` beside it. */
export const DeadlineField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  const format = useFormatInstant();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {format(record.deadlineAt)}
    </Typography>
  );
};

/** The problem in a few plain words: the step that keeps failing, or the reason; the error text is on the workflow's page. */
export const ProblemField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  const translate = useTranslate();
  if (!record?.reason) return <>—</>;
  return (
    <Typography variant="body2" sx={{ maxWidth: 260 }} className="shequ-problem">
      {translate(`shequ.stuck_help.${record.reason}.short`, {
        step: activityLabel(translate, record.activityType),
        attempts: record.attempts ?? 0,
      })}
    </Typography>
  );
};

export const CaseLinkField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.caseId) return <>—</>;
  const label = translate('shequ.workflows.case_n', { id: record.caseId });
  return record.caseLink ? (
    <MuiLink
      component={Link}
      to={record.caseLink}
      onClick={stop}
      className="shequ-case-link"
      sx={{ whiteSpace: 'nowrap' }}
    >
      {label}
    </MuiLink>
  ) : (
    <>{label}</>
  );
};

/** The workflow in Temporal's own UI (history, pending activities), in a new tab. */
export const TemporalLink = ({ url }: { url: string }) => {
  const translate = useTranslate();
  return (
    <MuiLink
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      onClick={stop}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, whiteSpace: 'nowrap' }}
      className="shequ-temporal-link"
    >
      {translate('shequ.workflows.temporal')}
      <OpenInNewIcon sx={{ fontSize: '0.9rem' }} />
    </MuiLink>
  );
};

export const TemporalLinkField = (_props: FieldProps<Workflow>) => {
  const record = useRecordContext<Workflow>();
  return record?.temporalUrl ? <TemporalLink url={record.temporalUrl} /> : null;
};
