import { Button } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { BigNumber, OverviewCard } from './OverviewCard';

// Hours may come in halves: one decimal at most, none when whole.
const hours = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Confirmed volunteer hours since the 1st of this month (Beijing time). */
export const VolunteerHoursCard = ({ total }: { total: number }) => {
  const translate = useTranslate();
  return (
    <OverviewCard
      title="shequ.overview.volunteer_hours"
      className="shequ-volunteer-hours-month"
      actions={
        <Button component={Link} to="/volunteer-coverage" size="small">
          {translate('shequ.overview.view')}
        </Button>
      }
    >
      <BigNumber value={hours(total)} unit={translate('shequ.overview.hours')} />
    </OverviewCard>
  );
};
