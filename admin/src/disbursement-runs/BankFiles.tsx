import DownloadIcon from '@mui/icons-material/Download';
import { Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import { useFormatInstant } from '../common/time';
import { useBankFileDownload } from './useBankFileDownload';
import type { RunDetail } from './types';

const d = (key: string) => `shequ.disbursement.download.${key}`;

/** Files sent to the bank: the month's (1), then one per batch of re-issued lines. */
export const BankFiles = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const { download, busy } = useBankFileDownload(run.id);
  const files = run.bankFiles ?? [];
  if (files.length === 0) return null;
  const mayDownload = run.allowedActions?.includes('download');
  return (
    <Section title="shequ.disbursement.section.bank_files" className="shequ-bank-files">
      <ScrollX>
        <Table size="small" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(d('seq'))}</TableCell>
              <TableCell align="right">{translate(d('lines'))}</TableCell>
              <TableCell align="right">{translate(d('total'))}</TableCell>
              <TableCell>SHA-256</TableCell>
              <TableCell>{translate(d('batch'))}</TableCell>
              <TableCell>{translate(d('created'))}</TableCell>
              {mayDownload && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {files.map((f) => (
              <TableRow key={f.seq} data-seq={f.seq}>
                <TableCell>{translate(f.seq === 1 ? d('first') : d('reissue_file'), { seq: f.seq })}</TableCell>
                <TableCell align="right">{f.lines}</TableCell>
                <TableCell align="right">{formatFen(f.totalFen)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>
                  <Tooltip title={f.sha256}>
                    <span>{f.sha256.slice(0, 16)}…</span>
                  </Tooltip>
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{f.batchId ?? '—'}</TableCell>
                <TableCell>{format(f.createdAt)}</TableCell>
                {mayDownload && (
                  <TableCell>
                    <Button
                      label={d('button')}
                      size="small"
                      disabled={busy !== null}
                      onClick={() => download(f.seq)}
                      data-action={`download-${f.seq}`}
                    >
                      <DownloadIcon />
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollX>
    </Section>
  );
};
