import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, useGetList, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { isAllowed } from '../access';
import { Facts, Section } from '../common/Section';
import { ScrollX } from '../common/ScrollX';
import { useFormatInstant } from '../common/time';
import { useNow } from '../common/useNow';
import { CareFlagChips, OutcomeChip, VisitStatusChip } from '../home-visits/chips';
import type { HomeVisit } from '../home-visits/types';
import type { Role } from '../roles';
import { HoursStatusChip } from '../volunteers/chips';
import type { ActivityAssignment } from './types';
import { VisitRecordDialog } from './VisitRecordDialog';

const c = (key: string) => `shequ.care.${key}`;

/**
 * On a visit's activity page: whom it is for, until when it can be recorded, and per signed-up
 * volunteer what she found, with the record button for the team leader or caseworker (the
 * API says who may; the team leader only for his own teams).
 */
export const HomeVisitSection = ({ homeVisitId }: { homeVisitId: number }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [recording, setRecording] = useState<{ id: number; name: string } | null>(null);
  const now = useNow(10_000);
  const { data: visit } = useGetOne<HomeVisit>('home-visits', { id: homeVisitId });
  const { data: assignments } = useGetList<ActivityAssignment>(
    'volunteer-assignments',
    {
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'id', order: 'ASC' },
      filter: { activityId: visit?.activityId },
    },
    { enabled: !!visit },
  );
  if (!visit) return null;
  const mayRecord =
    isAllowed(role, 'home-visits', 'records') &&
    visit.status === 'open' &&
    Date.parse(visit.endsAt) <= now &&
    Date.parse(visit.recordBy) > now;
  const signedUp = (assignments ?? []).filter((a) => a.status === 'assigned');
  const recordOf = (volunteerId: number) => visit.records.find((r) => r.volunteerId === volunteerId);
  return (
    <Section title={c('home_visit')} className="shequ-home-visit">
      <Facts
        rows={[
          [
            c('household'),
            isAllowed(role, 'households', 'show') ? (
              <MuiLink component={Link} to={`/households/${visit.householdId}/show`}>
                {visit.headName} · {visit.address}
              </MuiLink>
            ) : (
              `${visit.headName} · ${visit.address}`
            ),
          ],
          [c('flags'), <CareFlagChips flags={visit.flags} />],
          [c('due'), format(visit.dueAt)],
          [c('record_by'), format(visit.recordBy)],
          [c('status_label'), <VisitStatusChip visit={visit} />],
        ]}
      />
      {visit.servesVulnerable && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate(c('serves_vulnerable'))}
        </Typography>
      )}
      {visit.status === 'open' && Date.parse(visit.endsAt) > now && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate(c('not_over'))}
        </Typography>
      )}
      {signedUp.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {translate('shequ.assignment.nobody')}
        </Typography>
      ) : (
        <ScrollX>
          <Table size="small" className="shequ-visit-records" sx={{ mt: 1 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(c('volunteer'))}</TableCell>
                <TableCell>{translate(c('outcome_label'))}</TableCell>
                <TableCell>{translate(c('hours'))}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {signedUp.map((a) => {
                const r = recordOf(a.volunteerId);
                return (
                  <TableRow key={a.id} data-volunteer-id={a.volunteerId}>
                    <TableCell>{a.volunteerName}</TableCell>
                    <TableCell>
                      {r ? (
                        <>
                          <OutcomeChip record={r} /> {r.note}
                          {r.taskId !== null && (
                            <Typography variant="caption" color="text.secondary" component="div">
                              {translate(c('task'), { id: r.taskId })}
                            </Typography>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell>{r?.hoursStatus ? <HoursStatusChip status={r.hoursStatus} /> : '—'}</TableCell>
                    <TableCell align="right">
                      {!r && mayRecord && (
                        <Button
                          label={c('record')}
                          size="small"
                          variant="outlined"
                          data-action="record-visit"
                          onClick={() => setRecording({ id: a.volunteerId, name: a.volunteerName })}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollX>
      )}
      {recording && <VisitRecordDialog visit={visit} volunteer={recording} onClose={() => setRecording(null)} />}
    </Section>
  );
};
