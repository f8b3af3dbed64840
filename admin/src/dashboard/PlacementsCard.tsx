import { Button } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { BigNumber, OverviewCard } from './OverviewCard';

/** People placed in work since the 1st of this month (Beijing time). */
export const PlacementsCard = ({ count }: { count: number }) => {
  const translate = useTranslate();
  return (
    <OverviewCard
      title="shequ.overview.placements"
      className="shequ-placements-month"
      actions={
        <Button component={Link} to="/placement-report" size="small">
          {translate('shequ.overview.view')}
        </Button>
      }
    >
      <BigNumber value={count} unit={translate('shequ.overview.people')} />
    </OverviewCard>
  );
};
