import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { useFormatInstant } from '../common/time';
import type { Interview } from './types';

const i = (field: string) => `shequ.interview.${field}`;

/** Every interview of the referral, oldest first, with its outcome once recorded. */
export const InterviewsTable = ({ interviews }: { interviews: Interview[] }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  return (
    <ScrollX>
      <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }} className="shequ-interviews">
        <TableHead>
          <TableRow>
            <TableCell>{translate(i('scheduledAt'))}</TableCell>
            <TableCell>{translate(i('opening'))}</TableCell>
            <TableCell>{translate(i('place'))}</TableCell>
            <TableCell>{translate(i('outcome'))}</TableCell>
            <TableCell>{translate(i('remindedAt'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {interviews.map((iv) => (
            <TableRow key={iv.id} data-outcome={iv.outcome ?? 'pending'}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format(iv.scheduledAt)}</TableCell>
              <TableCell>
                {iv.title}
                <Typography variant="caption" color="text.secondary" component="div">
                  {iv.employerName}
                </Typography>
              </TableCell>
              <TableCell>{iv.place}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={iv.outcome === 'hired' ? 'success' : iv.outcome === 'not_hired' ? 'warning' : 'default'}
                  label={translate(i(`outcome_${iv.outcome ?? 'pending'}`))}
                />
                {iv.reason && (
                  <Typography variant="caption" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
                    {iv.reason}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{iv.remindedAt ? format(iv.remindedAt) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
