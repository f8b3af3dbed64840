import { Alert, Button, Card, CardContent, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { formatFen } from './common/money';
import { useFormatInstant } from './common/time';
import type { Run } from './disbursement-runs/types';
import type { Role } from './roles';

// Finance's home: the runs waiting on them — sign-off, or failed bank lines to re-issue or carry
// — each with its deadline, so nothing sits unseen in 待财务审核.
const waiting = ['awaiting_signoff', 'resolving'] as const;

export const FinanceRunsCard = ({ role }: { role: Role | undefined }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const enabled = role === 'finance';
  const { data, isPending } = useGetList<Run>(
    'disbursement-runs',
    { pagination: { page: 1, perPage: 10 }, sort: { field: 'period', order: 'ASC' }, filter: { phase: waiting } },
    { enabled, refetchInterval: 60_000 },
  );
  if (!enabled) return null;
  return (
    <Card sx={{ mt: 2 }} className="shequ-finance-runs">
      <CardContent>
        <Typography variant="subtitle1">{translate('shequ.dashboard.finance_runs')}</Typography>
        {!isPending && !data?.length && (
          <Typography color="text.secondary">{translate('shequ.dashboard.finance_runs_none')}</Typography>
        )}
        <List dense>
          {data?.map((r) => (
            <ListItemButton key={r.id} component={Link} to={`/disbursement-runs/${r.id}/show`}>
              <ListItemText
                primary={translate(`shequ.dashboard.finance_run.${r.phase === 'resolving' ? 'resolving' : 'signoff'}`, {
                  period: r.period,
                  lines: r.lines,
                  total: formatFen(r.totalFen),
                  failed: r.linesFailed,
                })}
                secondary={
                  r.signoffDeadlineAt
                    ? translate('shequ.dashboard.finance_deadline', { at: format(r.signoffDeadlineAt) })
                    : undefined
                }
              />
              {r.overdue && (
                <Alert severity="error" sx={{ py: 0 }}>
                  {translate('shequ.overdue')}
                </Alert>
              )}
            </ListItemButton>
          ))}
        </List>
        <Button component={Link} to="/disbursement-runs" size="small">
          {translate('shequ.dashboard.finance_all_runs')}
        </Button>
      </CardContent>
    </Card>
  );
};
