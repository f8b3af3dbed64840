import { Button, Stack } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { workflowsUrl } from '../workflows/choices';
import { KindChip } from '../workflows/KindChip';
import { workflowKinds } from '../workflows/types';
import { BigNumber, OverviewCard } from './OverviewCard';
import type { DistrictOverview } from './types';

/** Cases past their stage's deadline right now, by kind; one click to the list of them. */
export const OverdueNowCard = ({ overdue }: { overdue: DistrictOverview['overdueNow'] }) => {
  const translate = useTranslate();
  const kinds = workflowKinds.filter((k) => (overdue.byKind[k] ?? 0) > 0);
  return (
    <OverviewCard
      title="shequ.overview.overdue_now"
      className="shequ-overdue-now"
      actions={
        <Button component={Link} to={workflowsUrl({ reason: 'overdue' })} size="small" data-action="view-overdue">
          {translate('shequ.overview.view')}
        </Button>
      }
    >
      <BigNumber value={<span data-total={overdue.total}>{overdue.total}</span>} />
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
        {kinds.map((k) => (
          <Stack key={k} direction="row" spacing={0.5} alignItems="center" data-kind={k}>
            <KindChip kind={k} />
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{overdue.byKind[k]}</span>
          </Stack>
        ))}
      </Stack>
    </OverviewCard>
  );
};
