import { Alert, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import { ProfileFacts } from './ProfileFacts';
import type { Referral } from './types';

/** The intake assessment; before it, what the enterprise declared with the batch. */
export const AssessmentPanel = ({ record }: { record: Referral }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const assessment = record.assessment;
  return (
    <Section title="shequ.section.assessment" className="shequ-assessment">
      {assessment ? (
        <ProfileFacts
          profile={assessment}
          extra={[
            ['shequ.assessment.notes', <span style={{ whiteSpace: 'pre-wrap' }}>{assessment.notes || '—'}</span>],
            ['shequ.assessment.by', `${assessment.by}（${format(assessment.at)}）`],
          ]}
        />
      ) : (
        <>
          <Alert severity="info" sx={{ mb: 1 }}>
            {translate('shequ.assessment.none')}
          </Alert>
          {record.seeker && (
            <>
              <Typography variant="subtitle2" gutterBottom>
                {translate('shequ.assessment.declared')}
              </Typography>
              <ProfileFacts profile={record.seeker} />
            </>
          )}
        </>
      )}
    </Section>
  );
};
