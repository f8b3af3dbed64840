import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import type { RunReport as Report } from './types';

const r = (key: string) => `shequ.disbursement.report.${key}`;
const statusOrder = ['paid', 'reissued', 'carried', 'failed', 'submitted', 'pending', 'cancelled'];

/** The closing report: lines and money by kind and how each line ended. */
export const RunReport = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const lines = [...report.lines].sort(
    (a, b) => a.kind.localeCompare(b.kind) || statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status),
  );
  return (
    <Section title="shequ.disbursement.section.report" className="shequ-run-report">
      <Alert severity={report.openLines ? 'warning' : 'success'} sx={{ mb: 1 }}>
        {translate(report.openLines ? r('open') : r('all_done'), { count: report.openLines })}
      </Alert>
      <ScrollX>
        <Table size="small" sx={{ maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(r('kind'))}</TableCell>
              <TableCell>{translate(r('status'))}</TableCell>
              <TableCell align="right">{translate(r('lines'))}</TableCell>
              <TableCell align="right">{translate(r('amount'))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={`${l.kind}:${l.status}`} data-kind={l.kind} data-status={l.status}>
                <TableCell>{translate(`shequ.disbursement.kind.${l.kind}`, { _: l.kind })}</TableCell>
                <TableCell>{translate(`shequ.disbursement.payment_status.${l.status}`, { _: l.status })}</TableCell>
                <TableCell align="right">{l.lines}</TableCell>
                <TableCell align="right">{formatFen(l.fen)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollX>
    </Section>
  );
};
