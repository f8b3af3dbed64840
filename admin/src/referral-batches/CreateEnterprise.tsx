import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useCreate, useCreateSuggestionContext, useTranslate } from 'react-admin';
import type { EnterpriseCreateBody } from '../../../contract/enterprises';
import type { Enterprise } from './types';

/** A referring enterprise not yet on file, added without leaving the batch form. */
export const CreateEnterprise = () => {
  const translate = useTranslate();
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  const [name, setName] = useState(filter ?? '');
  const [creditCode, setCreditCode] = useState('');
  const [contact, setContact] = useState('');
  const [create, { isPending, error }] = useCreate<Enterprise, HttpError>();
  const fields: Record<string, string> =
    error instanceof HttpError && error.body?.errors ? (error.body.errors as Record<string, string>) : {};
  const save = () =>
    create(
      'enterprises',
      {
        data: {
          name: name.trim(),
          ...(creditCode.trim() ? { creditCode: creditCode.trim() } : {}),
          contact: contact.trim(),
        } satisfies EnterpriseCreateBody,
      },
      { onSuccess: (record) => onCreate(record) },
    );
  const e = (field: string) => `resources.enterprises.fields.${field}`;
  return (
    <Dialog open onClose={isPending ? undefined : onCancel} fullWidth maxWidth="xs">
      <DialogTitle>{translate('resources.enterprises.page.create')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          required
          fullWidth
          margin="dense"
          name="name"
          label={translate(e('name'))}
          value={name}
          onChange={(ev) => setName(ev.target.value)}
          error={!!fields.name}
          helperText={fields.name ?? ' '}
        />
        <TextField
          fullWidth
          margin="dense"
          name="creditCode"
          label={translate(e('creditCode'))}
          value={creditCode}
          onChange={(ev) => setCreditCode(ev.target.value)}
          error={!!fields.creditCode}
          helperText={fields.creditCode ?? ' '}
        />
        <TextField
          fullWidth
          margin="dense"
          name="contact"
          label={translate(e('contact'))}
          value={contact}
          onChange={(ev) => setContact(ev.target.value)}
          error={!!fields.contact}
          helperText={fields.contact ?? (error && !Object.keys(fields).length ? error.message : ' ')}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onCancel} disabled={isPending} />
        <Button label="ra.action.create" variant="contained" onClick={save} disabled={!name.trim() || isPending} />
      </DialogActions>
    </Dialog>
  );
};
