import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useGetIdentity, useTranslate } from 'react-admin';
import type { z } from 'zod';
import type { passwordChangeBody } from '../../../contract/auth';
import { passwordProblem } from '../../../domain/password-policy';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { useActionMutation } from '../common/useActionMutation';
import { httpClient } from '../httpClient';

/**
 * Change your own password. The API checks the current one and the policy; your other sessions
 * end (someone who knew the old password is signed out), this one stays.
 */
export const ChangePasswordDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const close = () => {
    setCurrent('');
    setNext('');
    setAgain('');
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    () => {
      const body: z.input<typeof passwordChangeBody> = { currentPassword: current, newPassword: next };
      return httpClient('/api/auth/password', { method: 'POST', body: JSON.stringify(body) });
    },
    { done: 'shequ.password.done', onDone: close },
  );
  const policy = next
    ? passwordProblem(next, typeof identity?.username === 'string' ? identity.username : undefined)
    : undefined;
  const mismatch = again && again !== next ? translate('shequ.password.mismatch') : undefined;
  const field = (
    name: string,
    label: string,
    value: string,
    set: (v: string) => void,
    message?: string,
    autoComplete = 'new-password',
  ) => (
    <TextField
      fullWidth
      required
      margin="dense"
      type="password"
      name={name}
      label={translate(label)}
      value={value}
      onChange={(e) => set(e.target.value)}
      error={!!message}
      helperText={message ?? ' '}
      slotProps={{ htmlInput: { autoComplete, maxLength: 72 } }}
    />
  );
  return (
    <Dialog
      open={open}
      onClose={isPending ? undefined : close}
      fullWidth
      maxWidth="xs"
      className="shequ-password-dialog"
    >
      <DialogTitle>{translate('shequ.password.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('shequ.password.help')}</DialogContentText>
        {field(
          'currentPassword',
          'shequ.password.current',
          current,
          setCurrent,
          error?.fields.currentPassword,
          'current-password',
        )}
        {field('newPassword', 'shequ.password.new', next, setNext, error?.fields.newPassword ?? policy)}
        {field('again', 'shequ.password.again', again, setAgain, mismatch)}
        <ActionErrorAlert error={error} shown={['currentPassword', 'newPassword']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label="shequ.password.save"
          variant="contained"
          disabled={!current || !next || !!policy || again !== next || isPending}
          onClick={() => mutate(undefined)}
        />
      </DialogActions>
    </Dialog>
  );
};
