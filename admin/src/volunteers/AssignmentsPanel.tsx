import TimerIcon from '@mui/icons-material/MoreTime';
import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import { useFormatSpan } from '../common/time';
import { awaitsHours } from './assignments';
import { AssignmentStatusChip, HoursStatusChip } from './chips';
import { minutesAsHours } from './hours';
import { LogHoursDialog } from './LogHoursDialog';
import type { Assignment, Volunteer } from './types';
import { useNow } from '../common/useNow';

const a = (field: string) => `shequ.assignment.${field}`;

/** The activities she was signed up to, with the hours logged for each; "log hours" on the past ones without. */
export const AssignmentsPanel = ({ record }: { record: Volunteer }) => {
  const translate = useTranslate();
  const span = useFormatSpan();
  const [logging, setLogging] = useState<Assignment | null>(null);
  const assignments = record.assignments ?? [];
  const canLog = record.allowedActions?.includes('log_hours') ?? false;
  const now = useNow();
  return (
    <Section title="shequ.section.assignments" className="shequ-assignments">
      {assignments.length === 0 ? (
        <Typography color="text.secondary">{translate(a('none'))}</Typography>
      ) : (
        <ScrollX>
          <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(a('title'))}</TableCell>
                <TableCell>{translate(a('teamName'))}</TableCell>
                <TableCell>{translate(a('time'))}</TableCell>
                <TableCell>{translate(a('place'))}</TableCell>
                <TableCell>{translate(a('status'))}</TableCell>
                <TableCell>{translate(a('hours'))}</TableCell>
                {canLog && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {assignments.map((as) => (
                <TableRow
                  key={as.id}
                  data-assignment-id={as.id}
                  data-activity-id={as.activityId}
                  data-hours-status={as.hoursStatus ?? 'none'}
                >
                  <TableCell>
                    <MuiLink component={Link} to={`/volunteer-activities/${as.activityId}/show`}>
                      {as.title}
                    </MuiLink>
                  </TableCell>
                  <TableCell>{as.teamName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{span(as.startsAt, as.endsAt)}</TableCell>
                  <TableCell>{as.place}</TableCell>
                  <TableCell>
                    <AssignmentStatusChip status={as.status} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {as.hoursStatus ? (
                      <>
                        <HoursStatusChip status={as.hoursStatus} />{' '}
                        {translate(a('hours_n'), { hours: minutesAsHours(as.minutes) })}
                      </>
                    ) : (
                      <Typography variant="body2" color="text.secondary" component="span">
                        {translate(Date.parse(as.endsAt) > now ? a('not_over') : a('no_hours'))}
                      </Typography>
                    )}
                  </TableCell>
                  {canLog && (
                    <TableCell>
                      {awaitsHours(as, now) && (
                        <Button
                          label="shequ.volunteer_action.log_hours"
                          variant="outlined"
                          size="small"
                          onClick={() => setLogging(as)}
                          data-action="log_hours"
                        >
                          <TimerIcon />
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      )}
      {logging && <LogHoursDialog record={record} assignment={logging} onClose={() => setLogging(null)} />}
    </Section>
  );
};
