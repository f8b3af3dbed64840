import { Grid } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { Section } from '../common/Section';
import { Timeline } from '../common/Timeline';
import { AssessmentPanel } from './AssessmentPanel';
import { HelperPanel } from './HelperPanel';
import { MatchesPanel } from './MatchesPanel';
import { PlacementPanel } from './PlacementPanel';
import { referralRefetchInterval } from './polling';
import { ProposalPanel } from './ProposalPanel';
import { ReferralActions } from './ReferralActions';
import { ReferralHeader } from './ReferralHeader';
import { RefetchBurstProvider, useRefetchBurstState } from './RefetchBurst';
import type { Referral } from './types';

const ReferralDetail = () => {
  const record = useRecordContext<Referral>();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <ReferralHeader record={record} />
        <AssessmentPanel record={record} />
        <HelperPanel record={record} />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Section title="shequ.section.timeline">
          <Timeline decisions={record.decisions} decisionPrefix="shequ.referral_decision" />
        </Section>
      </Grid>
      {/* the wide tables get the whole width */}
      <Grid size={12}>
        <MatchesPanel record={record} />
        <ProposalPanel record={record} />
        <PlacementPanel record={record} />
      </Grid>
    </Grid>
  );
};

/** The seeker's page: who she is, what fits her, what was proposed, where she works, and how it went. */
export const ReferralShow = () => {
  const { burstActive, burst } = useRefetchBurstState();
  const refetchInterval = (query: { state: { data?: unknown } }) =>
    burstActive() ? 2000 : referralRefetchInterval(query.state.data as Referral | undefined);
  return (
    <RefetchBurstProvider burst={burst}>
      <Show actions={<ReferralActions />} queryOptions={{ refetchInterval }}>
        <ReferralDetail />
      </Show>
    </RefetchBurstProvider>
  );
};
