import { lazy } from 'react';
import { useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { ChartSlot } from './ChartSlot';
import { BigNumber, OverviewCard } from './OverviewCard';
import { formatPercent, overallPercent } from './slaPercent';
import type { SlaWeek } from './types';

const SlaChart = lazy(() => import('./SlaChart').then((m) => ({ default: m.SlaChart })));

/** Share of cases finished within their deadlines, week by week over the last 12 weeks. */
export const SlaCard = ({ weeks }: { weeks: SlaWeek[] }) => {
  const translate = useTranslate();
  return (
    <OverviewCard title="shequ.overview.sla" className="shequ-sla">
      <BigNumber value={formatPercent(overallPercent(weeks))} />
      <Typography variant="body2" color="text.secondary">
        {translate('shequ.overview.sla_help')}
      </Typography>
      <ChartSlot height={240}>
        <SlaChart weeks={weeks} />
      </ChartSlot>
    </OverviewCard>
  );
};
