import EventIcon from '@mui/icons-material/Event';
import { Alert, Button as MuiButton } from '@mui/material';
import { Link } from 'react-router-dom';
import { usePermissions, useTranslate } from 'react-admin';
import { isAllowed } from '../access';
import { useFormatInstant } from '../common/time';
import type { Role } from '../roles';
import { calendarText } from './calendar';
import { useSchedule } from './useSchedule';

/** One line above the runs: when the Schedule starts the next month by itself, or that it is paused. */
export const ScheduleSummary = () => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const { permissions: role } = usePermissions<Role | undefined>();
  const allowed = isAllowed(role, 'disbursement-schedule', 'list');
  const { data, error } = useSchedule(allowed);
  if (!allowed || (!data && !error)) return null;
  const open = (
    <MuiButton component={Link} to="/disbursement-schedule" size="small" color="inherit">
      {translate('shequ.disbursement.schedule.open')}
    </MuiButton>
  );
  if (error) {
    return (
      <Alert severity="warning" sx={{ mt: 1 }} className="shequ-schedule-summary" action={open}>
        {translate('shequ.disbursement.schedule.error', { message: error.message })}
      </Alert>
    );
  }
  return (
    <Alert
      severity={data.paused ? 'warning' : 'info'}
      icon={<EventIcon />}
      sx={{ mt: 1 }}
      className="shequ-schedule-summary"
      action={open}
    >
      {data.paused
        ? translate('shequ.disbursement.schedule.summary_paused', { note: data.note ?? '' })
        : translate('shequ.disbursement.schedule.summary', {
            at: format(data.nextRunAt[0]),
            calendar: calendarText(data, translate),
          })}
    </Alert>
  );
};
