import { Alert, Box, CircularProgress, Grid, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Role } from '../roles';
import { DisbursementsCard } from './DisbursementsCard';
import { OpenByStageCard } from './OpenByStageCard';
import { OpenByStreetCard } from './OpenByStreetCard';
import { OverdueNowCard } from './OverdueNowCard';
import { PlacementsCard } from './PlacementsCard';
import { SlaCard } from './SlaCard';
import { StuckByReasonCard } from './StuckByReasonCard';
import { useDistrictOverview } from './useDistrictOverview';
import { VolunteerHoursCard } from './VolunteerHoursCard';

// The district-wide roles: what is late or stuck first, then the load, then the trends.
const overviewRoles: readonly Role[] = ['supervisor', 'district_approver', 'admin'];

export const DistrictOverview = ({ role }: { role: Role | undefined }) => {
  const translate = useTranslate();
  const enabled = !!role && overviewRoles.includes(role);
  const { data, error, isPending } = useDistrictOverview(enabled);
  if (!enabled) return null;
  return (
    <Box className="shequ-district-overview" sx={{ mt: 2 }}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('shequ.overview.title')}
      </Typography>
      {error && <Alert severity="error">{translate('shequ.overview.failed', { message: error.message })}</Alert>}
      {isPending && !error && <CircularProgress size={24} />}
      {data && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <OverdueNowCard overdue={data.overdueNow} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StuckByReasonCard rows={data.stuckByReason} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <PlacementsCard count={data.placementsThisMonth} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <VolunteerHoursCard total={data.volunteerHoursThisMonth} />
          </Grid>
          <Grid size={{ xs: 12, lg: 7 }}>
            <OpenByStageCard rows={data.openByStage} />
          </Grid>
          <Grid size={{ xs: 12, lg: 5 }}>
            <OpenByStreetCard rows={data.openByStreet} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <SlaCard weeks={data.sla} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <DisbursementsCard months={data.disbursements} />
          </Grid>
        </Grid>
      )}
    </Box>
  );
};
