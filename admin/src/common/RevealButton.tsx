import { Button, Stack } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { usePermissions, useNotify, useTranslate, type Identifier } from 'react-admin';
import { isAllowed } from '../access';
import { httpClient } from '../httpClient';
import type { Role } from '../roles';

// The full ID number or bank account is never in a list or a page: the API sends masked forms
// only. "Show" asks for one value (POST /api/<resource>/:id/reveal, audited on the server) and
// keeps it on screen for REVEAL_MS, or until "Hide"; it is held in component state only.

const REVEAL_MS = 30_000;

export type RevealResource = 'applications' | 'households' | 'job-seekers' | 'volunteers' | 'payments';

export interface RevealProps {
  resource: RevealResource;
  id: Identifier;
  field: 'idNumber' | 'bankAccount';
  /** For an ID number of a household member (applications, households). */
  memberId?: number;
  /** What is shown until revealed; empty or null: nothing on file, no button. */
  masked: string | null | undefined;
}

/** The masked value, and for roles the policy lets reveal, a small "Show" button beside it. */
export const RevealButton = ({ resource, id, field, memberId, masked }: RevealProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions: role } = usePermissions<Role | undefined>();
  // A value is shown only for the record it was revealed for: a component re-used for another
  // record (a list re-rendered) shows that record's masked form.
  const forRecord = `${resource}/${String(id)}/${field}/${memberId ?? ''}`;
  const [revealed, setRevealed] = useState<{ forRecord: string; value: string } | null>(null);
  const value = revealed?.forRecord === forRecord ? revealed.value : null;
  const setValue = (v: string | null) => setRevealed(v === null ? null : { forRecord, value: v });
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => () => clearTimeout(timer.current), [forRecord]);

  if (!masked) return <code>—</code>;
  const allowed = isAllowed(role, resource, 'reveal');
  const hide = () => {
    clearTimeout(timer.current);
    setValue(null);
  };
  const reveal = async () => {
    setLoading(true);
    try {
      const { json } = await httpClient(`/api/${resource}/${encodeURIComponent(String(id))}/reveal`, {
        method: 'POST',
        body: JSON.stringify(memberId === undefined ? { field } : { field, memberId }),
      });
      setValue((json as { value: string }).value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setValue(null), REVEAL_MS);
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setLoading(false);
    }
  };
  return (
    <Stack
      direction="row"
      spacing={0.5}
      alignItems="center"
      component="span"
      className="shequ-reveal"
      data-revealed={value !== null}
    >
      <code style={{ fontFamily: 'monospace' }}>{value ?? masked}</code>
      {allowed && (
        <Button
          size="small"
          variant="text"
          sx={{ minWidth: 0, px: 0.5, py: 0, lineHeight: 1.4 }}
          disabled={loading}
          title={translate('shequ.reveal.title')}
          data-action="reveal"
          onClick={(e) => {
            e.stopPropagation(); // a click here is not a click on the row
            if (value !== null) hide();
            else void reveal();
          }}
        >
          {translate(value !== null ? 'shequ.reveal.hide' : 'shequ.reveal.show')}
        </Button>
      )}
    </Stack>
  );
};
