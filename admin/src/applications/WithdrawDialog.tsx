import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useGetRecordRepresentation, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ShequDataProvider } from '../dataProvider';
import type { Application } from './types';

interface Props {
  record: Application;
  open: boolean;
  onClose: () => void;
}

export const WithdrawDialog = ({ record, open, onClose }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const represent = useGetRecordRepresentation('applications');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (why: string) => dataProvider.withdrawApplication(record.id, why),
    onSuccess: () => {
      notify('shequ.withdraw.done', { type: 'info' });
      setReason('');
      setTouched(false);
      onClose();
      refresh();
    },
    onError: (error: Error) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
  const blank = reason.trim() === '';

  return (
    <Dialog open={open} onClose={isPending ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('shequ.withdraw.title', { recordRepresentation: String(represent(record)) })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('shequ.withdraw.content')}</DialogContentText>
        <TextField
          autoFocus
          required
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          label={translate('shequ.withdraw.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && blank}
          helperText={touched && blank ? translate('ra.validation.required') : ' '}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
        <Button
          label="shequ.withdraw.confirm"
          color="error"
          variant="contained"
          disabled={blank || isPending}
          onClick={() => mutate(reason.trim())}
        />
      </DialogActions>
    </Dialog>
  );
};
