import { Typography } from '@mui/material';
import { lazy } from 'react';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { ChartSlot } from './ChartSlot';
import { BigNumber, OverviewCard } from './OverviewCard';
import type { DisbursementMonth } from './types';

const DisbursementChart = lazy(() => import('./DisbursementChart').then((m) => ({ default: m.DisbursementChart })));

/** Dibao paid out per month over the last 12 months; the latest month as the figure. */
export const DisbursementsCard = ({ months }: { months: DisbursementMonth[] }) => {
  const translate = useTranslate();
  const latest = months[months.length - 1];
  return (
    <OverviewCard title="shequ.overview.disbursements" className="shequ-disbursements">
      <BigNumber value={latest ? formatFen(latest.totalFen) : '—'} />
      {latest && (
        <Typography variant="body2" color="text.secondary">
          {translate('shequ.overview.disbursement_latest', { period: latest.period, lines: latest.lines })}
        </Typography>
      )}
      <ChartSlot height={240}>
        <DisbursementChart months={months} />
      </ChartSlot>
    </OverviewCard>
  );
};
