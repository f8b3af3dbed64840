import { Card, CardContent, CardHeader, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { DistrictOverview } from './dashboard/DistrictOverview';
import { FinanceRunsCard } from './FinanceRunsCard';
import { MyQueueCard } from './MyQueueCard';
import { PendingHoursCard } from './PendingHoursCard';
import { roles, type Role } from './roles';

// The district overview for the roles that watch the whole district (what is late or stuck,
// the load, the trends), then for everyone the work queue count and who does what.
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions: role } = usePermissions<Role | undefined>();

  return (
    <>
      <DistrictOverview role={role} />
      <MyQueueCard role={role} />
      <FinanceRunsCard role={role} />
      <PendingHoursCard role={role} />
      <Card sx={{ mt: 2 }}>
        <Title title="ra.page.dashboard" />
        <CardHeader
          title={translate('shequ.dashboard.greeting', { name: identity?.fullName ?? '' })}
          subheader={
            role ? translate('shequ.dashboard.your_role', { role: translate(`shequ.role.${role}`) }) : undefined
          }
        />
        <CardContent>
          {role && <Typography sx={{ mb: 2 }}>{translate(`shequ.role_duty.${role}`)}</Typography>}
          <Typography variant="subtitle1">{translate('shequ.dashboard.roles_title')}</Typography>
          <List dense>
            {roles.map((r) => (
              <ListItem key={r} sx={r === role ? { bgcolor: 'action.selected', borderRadius: 1 } : undefined}>
                <ListItemText
                  primary={translate(`shequ.role.${r}`) + (r === role ? translate('shequ.dashboard.you') : '')}
                  secondary={translate(`shequ.role_duty.${r}`)}
                />
              </ListItem>
            ))}
          </List>
        </CardContent>
      </Card>
    </>
  );
};
