import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, AlertTitle, Button as MuiButton, Card, CardContent, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button, Confirm, HttpError, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { caseloadColumns } from '../../../domain/caseload-csv';
import { formatFen } from '../common/money';
import type { ShequDataProvider } from '../dataProvider';
import { dataRowCount, readCsv } from './readCsv';
import { RowErrorsTable } from './RowErrorsTable';
import { rowErrors, type ImportResult, type RowError } from './types';

interface Picked {
  name: string;
  size: number;
  csv: string;
  rows: number;
  encoding: string;
}

type Outcome =
  | { kind: 'checked'; result: ImportResult }
  | { kind: 'bad'; message: string; errors: RowError[] }
  | { kind: 'loaded'; result: ImportResult };

/**
 * Loading the existing caseload: pick a CSV, check it (a dry run: every row validated, nothing
 * written), read the bad rows, then load it — all or nothing — after a confirmation.
 */
export const ImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [file, setFile] = useState<Picked | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);

  const { mutate, isPending } = useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => dataProvider.importCaseload(csv, dryRun),
    onSuccess: ({ data }, { dryRun }) => {
      setConfirming(false);
      const errors = rowErrors(data.errors);
      if (errors.length > 0) setOutcome({ kind: 'bad', message: translate('shequ.import.has_errors'), errors });
      else if (dryRun) setOutcome({ kind: 'checked', result: data });
      else {
        setOutcome({ kind: 'loaded', result: data });
        notify('shequ.import.loaded_toast', { type: 'info', messageArgs: { households: data.households } });
      }
    },
    onError: (e: Error) => {
      setConfirming(false);
      if (e instanceof HttpError && e.status === 400) {
        setOutcome({ kind: 'bad', message: e.message, errors: rowErrors(e.body?.errors) });
      } else {
        notify(e.message || 'ra.notification.http_error', { type: 'error' });
      }
    },
  });

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const f = event.target.files?.[0];
    event.target.value = ''; // picking the same file again still fires
    if (!f) return;
    const { text, encoding } = await readCsv(f);
    setFile({ name: f.name, size: f.size, csv: text, rows: dataRowCount(text), encoding });
    setOutcome(null);
  };

  const checkedOk = outcome?.kind === 'checked';
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.imports.name" />
      <CardContent>
        <Typography variant="body1" sx={{ mb: 1 }}>
          {translate('shequ.import.help')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('shequ.import.columns', { columns: caseloadColumns.join(', ') })}
        </Typography>
        <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
          <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={isPending}>
            {translate('shequ.import.pick')}
            <input hidden type="file" accept=".csv,text/csv" name="csv" onChange={pick} />
          </MuiButton>
          {file && (
            <Typography variant="body2" className="shequ-import-file">
              {translate('shequ.import.file', {
                name: file.name,
                kb: Math.ceil(file.size / 1024),
                rows: file.rows,
                encoding: file.encoding,
              })}
            </Typography>
          )}
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button
            label="shequ.import.check"
            variant="outlined"
            disabled={!file || isPending}
            onClick={() => file && mutate({ csv: file.csv, dryRun: true })}
          />
          <Button
            label="shequ.import.load"
            variant="contained"
            disabled={!file || !checkedOk || isPending}
            onClick={() => setConfirming(true)}
          />
        </Stack>

        {outcome?.kind === 'checked' && (
          <Alert severity="success" sx={{ mt: 2 }} className="shequ-import-result">
            {translate('shequ.import.checked', {
              households: outcome.result.households,
              members: outcome.result.members,
            })}
          </Alert>
        )}
        {outcome?.kind === 'bad' && (
          <Alert severity="error" sx={{ mt: 2 }} className="shequ-import-result">
            <AlertTitle>{outcome.message}</AlertTitle>
            {translate('shequ.import.nothing_loaded', { count: outcome.errors.length })}
          </Alert>
        )}
        {outcome?.kind === 'bad' && outcome.errors.length > 0 && <RowErrorsTable errors={outcome.errors} />}
        {outcome?.kind === 'loaded' && (
          <Alert severity="success" sx={{ mt: 2 }} className="shequ-import-result">
            <AlertTitle>{translate('shequ.import.loaded_title')}</AlertTitle>
            {translate('shequ.import.loaded', {
              households: outcome.result.households,
              members: outcome.result.members,
              enrollments: outcome.result.enrollments ?? 0,
              total: formatFen(outcome.result.totalAmountFen ?? 0),
              started: outcome.result.workflowsStarted ?? outcome.result.applicationIds?.length ?? 0,
            })}{' '}
            <Link to="/enrollments">{translate('shequ.import.to_enrollments')}</Link>
          </Alert>
        )}
        <Confirm
          isOpen={confirming}
          loading={isPending}
          title="shequ.import.confirm_title"
          content={translate('shequ.import.confirm_content', {
            households: outcome?.kind === 'checked' ? outcome.result.households : 0,
            members: outcome?.kind === 'checked' ? outcome.result.members : 0,
          })}
          confirm="shequ.import.load"
          onConfirm={() => file && mutate({ csv: file.csv, dryRun: false })}
          onClose={() => setConfirming(false)}
        />
      </CardContent>
    </Card>
  );
};
