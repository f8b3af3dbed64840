import { Typography } from '@mui/material';
import { lazy } from 'react';
import { useTranslate } from 'react-admin';
import { ChartSlot } from './ChartSlot';
import { OverviewCard } from './OverviewCard';
import type { OpenByStage } from './types';

// The chart library is loaded only for the roles that see the overview.
const OpenByStageChart = lazy(() => import('./OpenByStageChart').then((m) => ({ default: m.OpenByStageChart })));

export const OpenByStageCard = ({ rows }: { rows: OpenByStage[] }) => {
  const translate = useTranslate();
  return (
    <OverviewCard title="shequ.overview.open_by_stage" className="shequ-open-by-stage">
      {rows.length === 0 ? (
        <Typography color="text.secondary">{translate('shequ.overview.no_open_cases')}</Typography>
      ) : (
        <ChartSlot height={300}>
          <OpenByStageChart rows={rows} />
        </ChartSlot>
      )}
    </OverviewCard>
  );
};
