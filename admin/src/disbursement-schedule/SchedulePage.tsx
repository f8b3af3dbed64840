import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import PlayIcon from '@mui/icons-material/PlayCircleOutline';
import {
  Alert,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, Title, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import { isAllowed } from '../access';
import { ReasonDialog } from '../common/ReasonDialog';
import { ScrollX } from '../common/ScrollX';
import { Facts } from '../common/Section';
import { useFormatInstant } from '../common/time';
import type { ShequDataProvider } from '../dataProvider';
import type { Role } from '../roles';
import { calendarText } from './calendar';
import { useSchedule } from './useSchedule';

const s = (key: string) => `shequ.disbursement.schedule.${key}`;

/** The monthly Schedule: when it fires, whether it is paused and why; pause and resume with a note. */
export const SchedulePage = () => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const { data, error, isPending } = useSchedule();
  const [asking, setAsking] = useState<'pause' | 'resume' | null>(null);
  const action = data?.paused ? 'resume' : 'pause';
  const mayToggle = isAllowed(role, 'disbursement-schedule', action);

  return (
    <Card sx={{ mt: 2 }} className="shequ-schedule">
      <Title title="resources.disbursement-schedule.page.list" />
      <CardContent>
        {isPending && <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}
        {error && <Alert severity="error">{translate(s('error'), { message: error.message })}</Alert>}
        {data && (
          <>
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
              <Typography variant="h5" component="span">
                {translate(s('title'))}
              </Typography>
              <Chip
                color={data.paused ? 'warning' : 'success'}
                label={translate(s(data.paused ? 'paused' : 'running'))}
                data-paused={data.paused}
                className="shequ-schedule-state"
              />
              {mayToggle && (
                <Button
                  label={s(action)}
                  color={action === 'pause' ? 'warning' : 'primary'}
                  variant="outlined"
                  onClick={() => setAsking(action)}
                  data-action={action}
                >
                  {action === 'pause' ? <PauseIcon /> : <PlayIcon />}
                </Button>
              )}
            </Stack>
            <Facts
              rows={[
                [s('calendar'), calendarText(data, translate)],
                [
                  s('next'),
                  <strong className="shequ-schedule-next">
                    {data.paused ? translate(s('none_while_paused')) : format(data.nextRunAt[0])}
                  </strong>,
                ],
                [
                  s('then'),
                  data.paused
                    ? '—'
                    : data.nextRunAt
                        .slice(1)
                        .map((t) => format(t))
                        .join('；') || '—',
                ],
                [s('note'), data.note || '—'],
                [s('schedule_id'), <code>{data.scheduleId}</code>],
              ]}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {translate(s('help'))}
            </Typography>
            <Typography variant="subtitle1" sx={{ mt: 3 }}>
              {translate(s('recent'))}
            </Typography>
            {data.recentRuns.length === 0 ? (
              <Typography color="text.secondary">{translate(s('no_recent'))}</Typography>
            ) : (
              <ScrollX>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate(s('scheduled_at'))}</TableCell>
                      <TableCell>{translate(s('started_at'))}</TableCell>
                      <TableCell>{translate(s('workflow'))}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {[...data.recentRuns].reverse().map((r) => (
                      <TableRow key={`${r.scheduledAt}-${r.workflowId}`}>
                        <TableCell>{format(r.scheduledAt)}</TableCell>
                        <TableCell>{format(r.startedAt)}</TableCell>
                        <TableCell sx={{ fontFamily: 'monospace' }}>{r.workflowId}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollX>
            )}
          </>
        )}
        {asking && (
          <ReasonDialog
            open
            onClose={() => setAsking(null)}
            title={translate(s(`${asking}_title`))}
            content={translate(s(`${asking}_content`))}
            label={translate(s('note_label'))}
            field="note"
            required
            confirmLabel={s(asking)}
            confirmColor={asking === 'pause' ? 'warning' : 'primary'}
            done={s(`${asking}_done`)}
            send={(note) => dataProvider.setSchedulePaused(asking === 'pause', note)}
          />
        )}
      </CardContent>
    </Card>
  );
};
