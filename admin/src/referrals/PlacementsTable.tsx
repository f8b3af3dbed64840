import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { formatFen } from '../common/money';
import { PlacementStatusChip } from './statusChips';
import type { Placement } from './types';

const p = (field: string) => `shequ.placement.${field}`;

/** Where the seeker was placed: employer, job, monthly wage, start date, and whether she stayed. */
export const PlacementsTable = ({ placements }: { placements: Placement[] }) => {
  const translate = useTranslate();
  return (
    <ScrollX>
      <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }} className="shequ-placements">
        <TableHead>
          <TableRow>
            <TableCell>{translate(p('employerName'))}</TableCell>
            <TableCell>{translate(p('jobTitle'))}</TableCell>
            <TableCell align="right">{translate(p('wageFen'))}</TableCell>
            <TableCell>{translate(p('startDate'))}</TableCell>
            <TableCell>{translate(p('status'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {placements.map((pl) => (
            <TableRow key={pl.id} data-placement-id={pl.id}>
              <TableCell>{pl.employerName}</TableCell>
              <TableCell>{pl.jobTitle}</TableCell>
              <TableCell align="right">{formatFen(pl.wageFen)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{pl.startDate}</TableCell>
              <TableCell>
                <PlacementStatusChip status={pl.status} />
                {pl.leftReason && (
                  <Typography variant="caption" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
                    {pl.leftReason}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
