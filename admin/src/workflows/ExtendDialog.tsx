import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { shanghaiLocal, shanghaiLocalToIso, useFormatInstant } from '../common/time';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import type { ExtendBody, WorkflowDetail } from './types';
import { TextAreaField } from '../common/TextAreaField';
import { useApplyAnswer } from './useApplyAnswer';
import { useNow } from '../common/useNow';

const t = (key: string) => `shequ.workflows.extend.${key}`;

/** A new deadline for the stage, typed in Beijing time whatever the browser's zone, sent as UTC. */
export const ExtendDialog = ({ record, onClose }: { record: WorkflowDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const apply = useApplyAnswer();
  const [local, setLocal] = useState('');
  const [reason, setReason] = useState('');
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    async (body: ExtendBody) => {
      const { data } = await dataProvider.extendWorkflow(record.id, body);
      apply(record.id, data);
      return data;
    },
    { done: t('done'), onDone: close },
  );
  const fields = error?.fields ?? {};
  const now = useNow();
  const deadlineAt = shanghaiLocalToIso(local);
  const past = !!deadlineAt && Date.parse(deadlineAt) <= now;
  const ready = !!deadlineAt && !past && reason.trim() !== '';

  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(t('title'), { id: record.caseId ?? record.id })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(t('help'), { at: format(record.deadlineAt) })}</DialogContentText>
        <TextField
          type="datetime-local"
          required
          fullWidth
          margin="dense"
          name="deadlineAt"
          label={translate(t('deadlineAt'))}
          value={local}
          onChange={(e) => setLocal(e.target.value)}
          error={past || !!fields.deadlineAt}
          helperText={fields.deadlineAt ?? (past ? translate(t('past')) : translate(t('beijing_time')))}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: shanghaiLocal(new Date()) } }}
        />
        <TextAreaField
          name="reason"
          label={translate('shequ.workflows.reason')}
          value={reason}
          onChange={setReason}
          error={fields.reason}
          maxLength={1000}
        />
        <ActionErrorAlert error={error} shown={['deadlineAt', 'reason']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label={t('confirm')}
          variant="contained"
          disabled={!ready || isPending}
          onClick={() => mutate({ deadlineAt: deadlineAt!, reason: reason.trim() })}
        />
      </DialogActions>
    </Dialog>
  );
};
