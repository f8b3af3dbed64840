import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { useFormatInstant } from '../common/time';
import type { Intervention } from './types';

const t = (field: string) => `shequ.workflows.intervention.${field}`;

/** What supervisors already did about this workflow, so the next one does not repeat it blindly. */
export const InterventionsTable = ({ interventions }: { interventions: Intervention[] | undefined }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!interventions?.length) return <Typography color="text.secondary">{translate(t('empty'))}</Typography>;
  return (
    <ScrollX>
      <Table size="small" className="shequ-interventions" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(t('at'))}</TableCell>
            <TableCell>{translate(t('action'))}</TableCell>
            <TableCell>{translate(t('actorName'))}</TableCell>
            <TableCell>{translate(t('reason'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {interventions.map((i, n) => (
            <TableRow key={`${i.at}-${n}`} data-action={i.action}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format(i.at)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate(`shequ.workflow_action.${i.action}`, { _: i.action })}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{i.actorName ?? translate('shequ.timeline.system')}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap', width: '100%' }}>{i.reason ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
