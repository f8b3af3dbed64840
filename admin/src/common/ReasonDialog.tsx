import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useTranslate } from 'react-admin';
import { ActionErrorAlert } from './ActionErrorAlert';
import { useActionMutation } from './useActionMutation';

export interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  content?: string;
  /** Label of the text field (comment, reason). */
  label: string;
  /** The API field the text is sent as, so its 400 message lands under the input. */
  field: string;
  required: boolean;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning' | 'success';
  /** Ask "are you sure?" once more before sending (reject, terminate). */
  confirmation?: { title: string; content: string };
  done: string;
  send: (text: string) => Promise<unknown>;
}

/** A case action that needs one text: a comment or a reason. */
export const ReasonDialog = (props: ReasonDialogProps) => {
  const {
    open,
    onClose,
    title,
    content,
    label,
    field,
    required,
    confirmLabel,
    confirmColor = 'primary',
    confirmation,
    done,
    send,
  } = props;
  const translate = useTranslate();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setText('');
    setTouched(false);
    setAsking(false);
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(send, { done, onDone: close });
  const blank = text.trim() === '';
  const missing = required && blank;
  const fieldError = error?.fields[field];
  const submit = () => (confirmation ? setAsking(true) : mutate(text.trim()));

  return (
    <>
      <Dialog open={open && !asking} onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {content && <DialogContentText>{content}</DialogContentText>}
          <TextField
            autoFocus
            required={required}
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            name={field}
            label={label}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => setTouched(true)}
            error={(touched && missing) || !!fieldError}
            helperText={fieldError ?? (touched && missing ? translate('ra.validation.required') : ' ')}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          <ActionErrorAlert error={error} shown={[field]} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
          <Button
            label={confirmLabel}
            color={confirmColor}
            variant="contained"
            disabled={missing || isPending}
            onClick={submit}
          />
        </DialogActions>
      </Dialog>
      {confirmation && (
        <Confirm
          isOpen={open && asking}
          loading={isPending}
          title={confirmation.title}
          content={confirmation.content}
          confirm={confirmLabel}
          confirmColor="warning"
          onConfirm={() => mutate(text.trim(), { onSettled: () => setAsking(false) })}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
};
