import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { useFormatInstant } from '../common/time';
import { FollowUpStatusChip } from './statusChips';
import type { FollowUp } from './types';

const t = (field: string) => `shequ.follow_up.${field}`;

interface Props {
  followUps: FollowUp[];
  /** Offer "record" on the open tasks (the API allows `follow_up`). */
  canRecord: boolean;
  onRecord: (followUp: FollowUp) => void;
}

/** The 1-, 3- and 6-month retention checks: due, open (to record), or recorded. */
export const FollowUpsTable = ({ followUps, canRecord, onRecord }: Props) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  return (
    <ScrollX>
      <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }} className="shequ-follow-ups">
        <TableHead>
          <TableRow>
            <TableCell>{translate(t('month'))}</TableCell>
            <TableCell>{translate(t('dueAt'))}</TableCell>
            <TableCell>{translate(t('status'))}</TableCell>
            <TableCell>{translate(t('recordedAt'))}</TableCell>
            {canRecord && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {followUps.map((f) => (
            <TableRow key={f.id} data-month={f.month} data-status={f.status}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(t('month_n'), { month: f.month })}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format(f.dueAt)}</TableCell>
              <TableCell>
                <FollowUpStatusChip status={f.status} />
                {f.reason && (
                  <Typography variant="caption" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
                    {f.reason}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.recordedAt ? format(f.recordedAt) : '—'}</TableCell>
              {canRecord && (
                <TableCell>
                  {f.status === 'open' && (
                    <Button
                      label="shequ.follow_up.button"
                      variant="outlined"
                      size="small"
                      onClick={() => onRecord(f)}
                      data-action="follow_up"
                    >
                      <EventAvailableIcon />
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
