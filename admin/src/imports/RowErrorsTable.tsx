import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RowError } from './types';

const SHOWN = 500;

/** The rows the check refused, with the column and what is wrong. */
export const RowErrorsTable = ({ errors }: { errors: RowError[] }) => {
  const translate = useTranslate();
  return (
    <>
      <Table size="small" className="shequ-import-errors">
        <TableHead>
          <TableRow>
            <TableCell>{translate('shequ.import.row')}</TableCell>
            <TableCell>{translate('shequ.import.column')}</TableCell>
            <TableCell>{translate('shequ.import.problem')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {errors.slice(0, SHOWN).map((e, i) => (
            <TableRow key={i}>
              <TableCell>{e.row || '—'}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{e.field || '—'}</TableCell>
              <TableCell>{e.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {errors.length > SHOWN && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('shequ.import.more_errors', { count: errors.length - SHOWN })}
        </Typography>
      )}
    </>
  );
};
