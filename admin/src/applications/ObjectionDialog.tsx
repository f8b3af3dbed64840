import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useGetRecordRepresentation, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { TextAreaField } from '../common/TextAreaField';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import type { Application } from './types';

/** An objection raised during the public notice: sends the case back to verification. */
export const ObjectionDialog = ({
  record,
  open,
  onClose,
}: {
  record: Application;
  open: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const represent = useGetRecordRepresentation('applications');
  const [objector, setObjector] = useState('');
  const [content, setContent] = useState('');
  const close = () => {
    setObjector('');
    setContent('');
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    (body: { objector: string; content: string }) => dataProvider.objectToApplication(record.id, body),
    { done: 'shequ.objection.done', onDone: close },
  );
  const ready = objector.trim() !== '' && content.trim() !== '';
  return (
    <Dialog open={open} onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>
        {translate('shequ.objection.title', { recordRepresentation: String(represent(record)) })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('shequ.objection.help')}</DialogContentText>
        <TextField
          autoFocus
          required
          fullWidth
          margin="dense"
          name="objector"
          label={translate('shequ.objection.objector')}
          value={objector}
          onChange={(e) => setObjector(e.target.value)}
          error={!!error?.fields.objector}
          helperText={error?.fields.objector ?? ' '}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <TextAreaField
          name="content"
          label={translate('shequ.objection.content')}
          value={content}
          onChange={setContent}
          error={error?.fields.content}
          maxLength={2000}
          minRows={3}
        />
        <ActionErrorAlert error={error} shown={['objector', 'content']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label="shequ.objection.confirm"
          color="warning"
          variant="contained"
          disabled={!ready || isPending}
          onClick={() => mutate({ objector: objector.trim(), content: content.trim() })}
        />
      </DialogActions>
    </Dialog>
  );
};
