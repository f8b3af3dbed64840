import { Accordion, AccordionDetails, AccordionSummary, Alert, AlertTitle, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import { activityLabel } from './activityLabel';
import type { StuckReason, Workflow } from './types';

// What happened to a stuck workflow and what to do next, in plain words per reason; the
// technical error (a database message, a stack) only under a collapsed 技术详情 for whoever
// operates the system.

export const WhatHappened = ({ record }: { record: Workflow }) => {
  const translate = useTranslate();
  const reasons = [record.reason, ...(record.reasons ?? []).filter((r) => r !== record.reason)].filter(
    (r): r is StuckReason => !!r,
  );
  const step = activityLabel(translate, record.activityType);
  return (
    <>
      {reasons.map((r) => (
        <Alert
          key={r}
          severity={r === 'waiting_signoff' ? 'info' : 'warning'}
          sx={{ mt: 1 }}
          className="shequ-what-happened"
        >
          <AlertTitle>{translate(`shequ.stuck_help.${r}.what`, { step, attempts: record.attempts ?? 0 })}</AlertTitle>
          {translate(`shequ.stuck_help.${r}.next`)}
        </Alert>
      ))}
      {(record.lastError || record.activityType) && (
        <Accordion disableGutters variant="outlined" sx={{ mt: 1 }} className="shequ-technical-details">
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="body2">{translate('shequ.stuck_help.technical')}</Typography>
          </AccordionSummary>
          <AccordionDetails>
            {record.activityType && (
              <Typography variant="body2">
                {translate('resources.workflows.fields.activityType')}: <code>{record.activityType}</code>
              </Typography>
            )}
            {record.lastError && (
              <Typography
                variant="body2"
                sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-word', mt: 1 }}
                className="shequ-last-error"
              >
                {record.lastError}
              </Typography>
            )}
          </AccordionDetails>
        </Accordion>
      )}
    </>
  );
};
