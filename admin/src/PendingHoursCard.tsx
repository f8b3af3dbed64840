import { Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import type { Role } from './roles';

// A team leader's work is the hours of his teams' activities: the count waiting, one click away.
const pendingUrl = `/volunteer-hours?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`;

export const PendingHoursCard = ({ role }: { role: Role | undefined }) => {
  const translate = useTranslate();
  const enabled = role === 'team_leader';
  const { total, isPending } = useGetList(
    'volunteer-hours',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'DESC' }, filter: { status: 'pending' } },
    { enabled, refetchInterval: 60_000 },
  );
  if (!enabled) return null;
  return (
    <Card sx={{ mt: 2 }} className="shequ-pending-hours">
      <CardContent>
        <Typography variant="subtitle1">{translate('shequ.dashboard.pending_hours')}</Typography>
        <Typography variant="h4">{isPending ? '…' : (total ?? 0)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('shequ.dashboard.pending_hours_help')}
        </Typography>
      </CardContent>
      <CardActions>
        <Button component={Link} to={pendingUrl} size="small">
          {translate('shequ.dashboard.open_hours')}
        </Button>
      </CardActions>
    </Card>
  );
};
