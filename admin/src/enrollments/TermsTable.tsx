import { Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { formatFen } from '../common/money';
import { useFormatInstant } from '../common/time';
import type { Term } from './types';

const t = (field: string) => `resources.enrollments.term.${field}`;

/** The dated terms, newest first: what was due from when, and why it changed. */
export const TermsTable = ({ terms }: { terms: Term[] | undefined }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!terms?.length) return null;
  return (
    <ScrollX>
      <Table size="small" sx={{ '& th, & td': { whiteSpace: 'nowrap' } }} className="shequ-terms">
        <TableHead>
          <TableRow>
            <TableCell>{translate(t('effectiveFrom'))}</TableCell>
            <TableCell>{translate(t('status'))}</TableCell>
            <TableCell align="right">{translate(t('amountFen'))}</TableCell>
            <TableCell align="right">{translate(t('members'))}</TableCell>
            <TableCell align="right">{translate(t('totalIncomeFen'))}</TableCell>
            <TableCell>{translate(t('reason'))}</TableCell>
            <TableCell>{translate(t('createdAt'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {terms.map((term) => (
            <TableRow key={`${term.effectiveFrom}-${term.createdAt}`}>
              <TableCell>{term.effectiveFrom}</TableCell>
              <TableCell>{translate(`shequ.status.${term.status}`, { _: term.status })}</TableCell>
              <TableCell align="right">
                <Tooltip title={term.calculation?.formula ?? ''}>
                  <span>{formatFen(term.amountFen)}</span>
                </Tooltip>
              </TableCell>
              <TableCell align="right">{term.members}</TableCell>
              <TableCell align="right">{formatFen(term.totalIncomeFen)}</TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', minWidth: 160 }}>
                  {term.note ? `${term.note}：` : ''}
                  {term.reason || '—'}
                </Typography>
              </TableCell>
              <TableCell>{format(term.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
