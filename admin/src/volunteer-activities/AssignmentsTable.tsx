import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { AssignmentStatusChip, HoursStatusChip } from '../volunteers/chips';
import type { ActivityAssignment } from './types';

const a = (field: string) => `shequ.assignment.${field}`;

/** Who signed up for the activity, and where their hours stand. */
export const AssignmentsTable = ({ activityId }: { activityId: number }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<ActivityAssignment>('volunteer-assignments', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
    filter: { activityId },
  });
  if (isPending) return null;
  const rows = data ?? [];
  if (rows.length === 0) return <Typography color="text.secondary">{translate(a('nobody'))}</Typography>;
  return (
    <ScrollX>
      <Table size="small" className="shequ-activity-assignments">
        <TableHead>
          <TableRow>
            <TableCell>{translate(a('volunteerName'))}</TableCell>
            <TableCell>{translate(a('status'))}</TableCell>
            <TableCell>{translate(a('hours'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-volunteer-id={r.volunteerId}>
              <TableCell>
                <MuiLink component={Link} to={`/volunteers/${r.volunteerId}/show`}>
                  {r.volunteerName}
                </MuiLink>
              </TableCell>
              <TableCell>
                <AssignmentStatusChip status={r.status} />
              </TableCell>
              <TableCell>{r.hoursStatus ? <HoursStatusChip status={r.hoursStatus} /> : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
