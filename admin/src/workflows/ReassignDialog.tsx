import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import type { ReassignBody, WorkflowDetail } from './types';
import { TextAreaField } from '../common/TextAreaField';
import { useApplyAnswer } from './useApplyAnswer';

const t = (key: string) => `shequ.workflows.reassign.${key}`;

/** Hands the case to another member of staff who may work it (the API names the candidates). */
export const ReassignDialog = ({ record, onClose }: { record: WorkflowDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const apply = useApplyAnswer();
  const candidates = useQuery({
    queryKey: ['workflows', 'assignees', record.id],
    queryFn: () => dataProvider.getWorkflowAssignees(record.id),
    retry: false,
  });
  const [assigneeId, setAssigneeId] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    async (body: ReassignBody) => {
      const { data } = await dataProvider.reassignWorkflow(record.id, body);
      apply(record.id, data);
      return data;
    },
    { done: t('done'), onDone: close },
  );
  const fields = error?.fields ?? {};
  const ready = assigneeId !== '' && reason.trim() !== '';
  const list = candidates.data ?? [];

  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(t('title'), { id: record.caseId ?? record.id })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(t('help'), { name: record.assigneeName ?? '—' })}</DialogContentText>
        {candidates.error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {candidates.error.message}
          </Alert>
        )}
        {!candidates.isPending && !candidates.error && list.length === 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate(t('no_candidates'))}
          </Alert>
        )}
        <TextField
          select
          required
          fullWidth
          margin="dense"
          name="assigneeId"
          label={translate(t('assignee'))}
          value={list.some((c) => c.id === assigneeId) ? assigneeId : ''}
          onChange={(e) => setAssigneeId(Number(e.target.value))}
          disabled={candidates.isPending || list.length === 0}
          error={!!fields.assigneeId}
          helperText={fields.assigneeId ?? ' '}
        >
          {list.map((c) => (
            <MenuItem key={c.id} value={c.id} disabled={c.id === record.assigneeId} data-username={c.username}>
              {translate(t('option'), { name: c.fullName, username: c.username })}
              {c.id === record.assigneeId ? translate(t('current')) : ''}
            </MenuItem>
          ))}
        </TextField>
        <TextAreaField
          name="reason"
          label={translate('shequ.workflows.reason')}
          value={reason}
          onChange={setReason}
          error={fields.reason}
          maxLength={1000}
        />
        <ActionErrorAlert error={error} shown={['assigneeId', 'reason']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label={t('confirm')}
          variant="contained"
          disabled={!ready || isPending}
          onClick={() => mutate({ assigneeId: assigneeId as number, reason: reason.trim() })}
        />
      </DialogActions>
    </Dialog>
  );
};
