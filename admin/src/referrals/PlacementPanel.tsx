import { Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { FollowUpDialog } from './FollowUpDialog';
import { FollowUpsTable } from './FollowUpsTable';
import { PlacementsTable } from './PlacementsTable';
import type { FollowUp, Referral } from './types';

/** The placement(s) and their follow-up tasks, with "record" on the open ones. */
export const PlacementPanel = ({ record }: { record: Referral }) => {
  const translate = useTranslate();
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const placements = record.placements ?? [];
  const followUps = record.followUps ?? [];
  if (placements.length === 0) return null;
  return (
    <Section title="shequ.section.placement" className="shequ-placement">
      <PlacementsTable placements={placements} />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('shequ.follow_up.title')}
      </Typography>
      {followUps.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('shequ.follow_up.none')}
        </Typography>
      ) : (
        <FollowUpsTable
          followUps={followUps}
          canRecord={record.allowedActions?.includes('follow_up') ?? false}
          onRecord={setRecording}
        />
      )}
      {recording && <FollowUpDialog record={record} followUp={recording} onClose={() => setRecording(null)} />}
    </Section>
  );
};
