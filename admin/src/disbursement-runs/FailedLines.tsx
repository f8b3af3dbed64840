import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { RevealButton } from '../common/RevealButton';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import { LineActions } from '../payments/LineActions';
import { FailureReason, KindLabel, PaymentStatusChip } from '../payments/PaymentStatusField';
import type { Payment } from '../payments/types';
import { useFailedLines, useReissuedLines } from './useRunLines';
import type { RunDetail } from './types';

const f = (field: string) => `resources.payments.fields.${field}`;

const LinesTable = ({
  lines,
  resolving,
  className,
  withActions,
}: {
  lines: Payment[];
  resolving: boolean;
  className: string;
  withActions: boolean;
}) => {
  const translate = useTranslate();
  return (
    <ScrollX>
      <Table size="small" className={className} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(f('id'))}</TableCell>
            <TableCell>{translate(f('name'))}</TableCell>
            <TableCell>{translate(f('communityName'))}</TableCell>
            <TableCell>{translate(f('kind'))}</TableCell>
            <TableCell align="right">{translate(f('amountFen'))}</TableCell>
            <TableCell>{translate(f('accountMasked'))}</TableCell>
            <TableCell>{translate(f('status'))}</TableCell>
            <TableCell>{translate(f('failureReason'))}</TableCell>
            {withActions && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((p) => (
            <TableRow
              key={p.id}
              data-payment-id={p.id}
              data-status={p.status}
              data-reason={p.failureReason ?? ''}
              data-reissue-of={p.reissueOf ?? ''}
            >
              <TableCell>
                <Link to={`/payments/${p.id}/show`}>#{p.id}</Link>
              </TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell>
                {p.communityName}
                <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                  {p.streetName}
                </Typography>
              </TableCell>
              <TableCell>
                <KindLabel kind={p.kind} />
                {p.reissueOf && (
                  <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                    {translate('shequ.disbursement.reissue_of', { id: p.reissueOf })}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">{formatFen(p.amountFen)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>
                <RevealButton resource="payments" id={p.id} field="bankAccount" masked={p.accountMasked} />
              </TableCell>
              <TableCell>
                <PaymentStatusChip status={p.status} />
              </TableCell>
              <TableCell>
                <FailureReason reason={p.failureReason} />
              </TableCell>
              {withActions && (
                <TableCell>
                  <LineActions payment={p} runResolving={resolving} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};

/** The lines the bank refused (or that had no account), each with its reason and its way out. */
export const FailedLines = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const failed = useFailedLines(run);
  const reissued = useReissuedLines(run);
  const resolving = run.phase === 'resolving';
  const failedLines = failed.data ?? [];
  const reissuedLines = reissued.data ?? [];
  if (!['submitted', 'resolving', 'completed', 'stopped'].includes(run.phase)) return null;
  if (run.phase !== 'resolving' && failedLines.length === 0 && reissuedLines.length === 0) return null;
  return (
    <Section title="shequ.disbursement.section.failed" className="shequ-failed-lines">
      {resolving && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('shequ.disbursement.failed_help')}
        </Alert>
      )}
      {failedLines.length === 0 ? (
        <Typography color="text.secondary">{translate('shequ.disbursement.no_failed')}</Typography>
      ) : (
        <LinesTable lines={failedLines} resolving={resolving} className="shequ-failed-table" withActions={resolving} />
      )}
      {(failed.total ?? 0) > failedLines.length && (
        <Typography variant="caption" color="text.secondary">
          {translate('shequ.disbursement.more_lines', { count: (failed.total ?? 0) - failedLines.length })}
        </Typography>
      )}
      {reissuedLines.length > 0 && (
        <>
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {translate('shequ.disbursement.section.reissues')}
          </Typography>
          <LinesTable lines={reissuedLines} resolving={resolving} className="shequ-reissue-table" withActions={false} />
        </>
      )}
    </Section>
  );
};
