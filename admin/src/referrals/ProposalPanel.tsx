import { Alert, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { InterviewsTable } from './InterviewsTable';
import type { Referral } from './types';

/** The opening proposed now (waiting for the seeker's answer) and the interviews so far. */
export const ProposalPanel = ({ record }: { record: Referral }) => {
  const translate = useTranslate();
  const interviews = record.interviews ?? [];
  if (!record.proposal && interviews.length === 0) return null;
  return (
    <Section title="shequ.section.proposal" className="shequ-proposal">
      {record.proposal && (
        <Alert severity={record.stage === 'proposed' ? 'info' : 'success'} sx={{ mb: interviews.length ? 1 : 0 }}>
          {translate(record.stage === 'proposed' ? 'shequ.proposal.waiting' : 'shequ.proposal.current', {
            title: record.proposal.title,
            employer: record.proposal.employerName,
          })}
        </Alert>
      )}
      {interviews.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate('shequ.interview.title')}
          </Typography>
          <InterviewsTable interviews={interviews} />
        </>
      )}
    </Section>
  );
};
