import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh } from 'react-admin';

export interface ActionError {
  message: string;
  /** The API's per-field messages (400 `errors`). */
  fields: Record<string, string>;
}

/**
 * A case action (approve, re-check, …) sent from a dialog. On success: a toast, close, refresh.
 * 409 (someone else decided first, or the case moved on): the server's message, close, refresh —
 * the page then shows what happened. 400: the dialog stays open with the field messages.
 * `conflictInDialog`: a 409 that refuses this choice rather than the case (an activity that is
 * full or clashes with another) keeps the dialog open with the message, so another can be picked.
 */
export function useActionMutation<T>(
  send: (vars: T) => Promise<unknown>,
  opts: { done: string; onDone: () => void; conflictInDialog?: boolean },
) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [error, setError] = useState<ActionError | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: () => {
      setError(null);
      notify(opts.done, { type: 'info' });
      opts.onDone();
      refresh();
    },
    onError: (e: Error) => {
      const status = e instanceof HttpError ? e.status : undefined;
      const message = e.message || 'ra.notification.http_error';
      if (status === 409 && opts.conflictInDialog) {
        setError({ message, fields: {} });
        refresh();
        return;
      }
      if (status === 409) {
        setError(null);
        notify(message, { type: 'warning', autoHideDuration: 10_000 });
        opts.onDone();
        refresh();
        return;
      }
      const fields =
        e instanceof HttpError && e.body?.errors && typeof e.body.errors === 'object'
          ? (e.body.errors as Record<string, string>)
          : {};
      setError({ message, fields });
      if (status !== 400) notify(message, { type: 'error' });
    },
  });
  return { mutate: mutation.mutate, isPending: mutation.isPending, error, clearError: () => setError(null) };
}
