import { Alert, AlertTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import type { CheckReport } from './types';

const c = (key: string) => `shequ.disbursement.check.${key}`;
const fen = (v: number | null) => (v === null ? '—' : formatFen(v));

/**
 * The invariant check: one regular line per enrollment active at cut-off, the sum to the fen,
 * nothing else. When it fails the run stops for a supervisor, with the differences listed.
 */
export const CheckReportPanel = ({ report, stopped }: { report: CheckReport; stopped: boolean }) => {
  const translate = useTranslate();
  const rows: [string, string, string][] = [
    [c('lines'), String(report.expectedLines), String(report.actualLines)],
    [c('amount'), formatFen(report.expectedFen), formatFen(report.actualFen)],
  ];
  return (
    <Section title="shequ.disbursement.section.check" className="shequ-check-report">
      {report.ok ? (
        <Alert severity="success">
          {translate(c('ok'), { lines: report.actualLines, amount: formatFen(report.actualFen) })}
        </Alert>
      ) : (
        <Alert severity="error">
          <AlertTitle>{translate(c('failed'))}</AlertTitle>
          {translate(stopped ? c('failed_help') : c('failed_history'))}
        </Alert>
      )}
      <Table size="small" sx={{ mt: 1, maxWidth: 520 }}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">{translate(c('expected'))}</TableCell>
            <TableCell align="right">{translate(c('actual'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(([label, expected, actual]) => (
            <TableRow key={label}>
              <TableCell>{translate(label)}</TableCell>
              <TableCell align="right">{expected}</TableCell>
              <TableCell align="right" sx={expected !== actual ? { color: 'error.main', fontWeight: 500 } : undefined}>
                {actual}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {report.differences.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate(c('differences'), { count: report.differences.length })}
          </Typography>
          <ScrollX>
            <Table size="small" className="shequ-check-differences">
              <TableHead>
                <TableRow>
                  <TableCell>{translate(c('enrollment'))}</TableCell>
                  <TableCell align="right">{translate(c('expected_fen'))}</TableCell>
                  <TableCell align="right">{translate(c('actual_fen'))}</TableCell>
                  <TableCell align="right">{translate(c('line_count'))}</TableCell>
                  <TableCell>{translate(c('problem'))}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.differences.map((d) => (
                  <TableRow key={d.enrollmentId} data-enrollment-id={d.enrollmentId}>
                    <TableCell>
                      <Link to={`/enrollments/${d.enrollmentId}/show`}>#{d.enrollmentId}</Link>
                    </TableCell>
                    <TableCell align="right">{fen(d.expectedFen)}</TableCell>
                    <TableCell align="right">{fen(d.actualFen)}</TableCell>
                    <TableCell align="right">{d.lines}</TableCell>
                    <TableCell>
                      {translate(
                        d.expectedFen === null
                          ? c('unexpected')
                          : d.actualFen === null || d.lines === 0
                            ? c('missing')
                            : d.lines > 1
                              ? c('doubled')
                              : c('wrong_amount'),
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
          {report.differences.length >= 20 && (
            <Typography variant="caption" color="text.secondary">
              {translate(c('first_20'))}
            </Typography>
          )}
        </>
      )}
    </Section>
  );
};
