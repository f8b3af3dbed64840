import { Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import type { Role } from './roles';

// Roles with cases that wait on them: the count, and one click to the filtered list.
const queueRoles: readonly Role[] = ['caseworker', 'street_reviewer', 'district_approver', 'supervisor'];
const myQueueUrl = `/applications?filter=${encodeURIComponent(JSON.stringify({ myQueue: true }))}`;

export const MyQueueCard = ({ role }: { role: Role | undefined }) => {
  const translate = useTranslate();
  const enabled = !!role && queueRoles.includes(role);
  const { total, isPending } = useGetList(
    'applications',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'DESC' }, filter: { myQueue: true } },
    { enabled, refetchInterval: 60_000 },
  );
  if (!enabled) return null;
  return (
    <Card sx={{ mt: 2 }} className="shequ-my-queue">
      <CardContent>
        <Typography variant="subtitle1">{translate('shequ.dashboard.my_queue')}</Typography>
        <Typography variant="h4">{isPending ? '…' : (total ?? 0)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(`shequ.dashboard.my_queue_help.${role}`)}
        </Typography>
      </CardContent>
      <CardActions>
        <Button component={Link} to={myQueueUrl} size="small">
          {translate('shequ.dashboard.open_queue')}
        </Button>
      </CardActions>
    </Card>
  );
};
