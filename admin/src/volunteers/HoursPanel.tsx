import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import { HoursStatusChip } from './chips';
import { minutesAsHours } from './hours';
import type { Volunteer } from './types';

const h = (field: string) => `shequ.hours.${field}`;

/** Every hours entry: logged, then confirmed or rejected (why) by the team leader or a caseworker. */
export const HoursPanel = ({ record }: { record: Volunteer }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const hours = record.hours ?? [];
  return (
    <Section title="shequ.section.hours" className="shequ-hours">
      {hours.length === 0 ? (
        <Typography color="text.secondary">{translate(h('none'))}</Typography>
      ) : (
        <ScrollX>
          <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(h('title'))}</TableCell>
                <TableCell align="right">{translate(h('hours'))}</TableCell>
                <TableCell>{translate(h('status'))}</TableCell>
                <TableCell>{translate(h('loggedAt'))}</TableCell>
                <TableCell>{translate(h('decided'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {hours.map((e) => (
                <TableRow key={e.id} data-hours-id={e.id} data-status={e.status} data-minutes={e.minutes}>
                  <TableCell>{e.title}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {minutesAsHours(e.minutes)}
                  </TableCell>
                  <TableCell>
                    <HoursStatusChip status={e.status} />
                    {e.reason && (
                      <Typography variant="caption" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
                        {e.reason}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{format(e.loggedAt)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {e.decidedAt
                      ? `${e.decidedBy ?? translate('shequ.timeline.system')} · ${format(e.decidedAt)}`
                      : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      )}
    </Section>
  );
};
