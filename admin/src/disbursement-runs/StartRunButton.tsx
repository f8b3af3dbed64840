import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, HttpError, useDataProvider, useNotify, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { isPeriod } from '../../../domain/disbursement';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { shanghaiToday } from '../common/time';
import type { ShequDataProvider } from '../dataProvider';

/**
 * Starts a month's run by hand. The API never makes a second run for a period: a period that
 * has one answers 200 with it, and the console says so and opens it.
 */
export const StartRunButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState(() => shanghaiToday().slice(0, 7));
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const close = () => {
    setOpen(false);
    setError(null);
  };
  const { mutate, isPending } = useMutation({
    mutationFn: (p: string) => dataProvider.startDisbursementRun(p),
    onSuccess: ({ status, data }, p) => {
      close();
      notify(status === 201 ? 'shequ.disbursement.start.started' : 'shequ.disbursement.start.exists', {
        type: status === 201 ? 'info' : 'warning',
        messageArgs: { period: p },
      });
      refresh();
      redirect('show', 'disbursement-runs', data.id);
    },
    onError: (e: Error) => {
      const fields =
        e instanceof HttpError && e.body?.errors && typeof e.body.errors === 'object'
          ? (e.body.errors as Record<string, string>)
          : {};
      setError({ message: e.message || 'ra.notification.http_error', fields });
    },
  });
  const valid = isPeriod(period);
  return (
    <>
      <Button label="shequ.disbursement.start.button" onClick={() => setOpen(true)} data-action="start-run">
        <PlayArrowIcon />
      </Button>
      <Dialog open={open} onClose={isPending ? undefined : close} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('shequ.disbursement.start.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('shequ.disbursement.start.help')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            type="month"
            name="period"
            label={translate('shequ.disbursement.start.period')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            error={!valid || !!error?.fields.period}
            helperText={error?.fields.period ?? (valid ? ' ' : translate('shequ.disbursement.start.invalid'))}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <ActionErrorAlert error={error} shown={['period']} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
          <Button
            label="shequ.disbursement.start.confirm"
            variant="contained"
            disabled={!valid || isPending}
            onClick={() => mutate(period)}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
