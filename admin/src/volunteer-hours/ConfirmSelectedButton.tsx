import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import type { ShequDataProvider } from '../dataProvider';
import { bulkOutcome, inBatches } from './bulkOutcome';
import { useShowBulkResult } from './BulkResultDialog';
import { BULK_MAX, type VolunteerHours } from './types';

const c = (key: string) => `shequ.hours_confirm.${key}`;

/**
 * "确认工时" for the selected entries: asked once, sent in batches of at most 200, then the
 * count confirmed and, for each one that was not (already decided, not his team…), why.
 */
export const ConfirmSelectedButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const { selectedIds, data, resource } = useListContext<VolunteerHours>();
  const unselectAll = useUnselectAll(resource);
  const [asking, setAsking] = useState(false);
  const showResult = useShowBulkResult();
  // `rows`: the entries as they were when sent, to name the ones that failed
  const mutation = useMutation({
    mutationFn: async ({ ids }: { ids: number[]; rows: Map<number, VolunteerHours> }) => {
      const results = [];
      for (const batch of inBatches(ids, BULK_MAX))
        results.push(...(await dataProvider.confirmVolunteerHoursBulk(batch)).results);
      return bulkOutcome({ results });
    },
    onSuccess: (result, { rows }) => {
      setAsking(false);
      showResult({ outcome: result, rows });
      unselectAll();
      refresh();
      notify(c('result'), {
        type: result.failed.length ? 'warning' : 'info',
        messageArgs: { confirmed: result.confirmed, failed: result.failed.length },
      });
    },
    onError: (e: Error) => {
      setAsking(false);
      notify(e.message || 'ra.notification.http_error', { type: 'error' });
    },
  });
  const send = () => {
    const ids = selectedIds.map(Number);
    mutation.mutate({ ids, rows: new Map((data ?? []).filter((r) => ids.includes(r.id)).map((r) => [r.id, r])) });
  };
  return (
    <>
      <Button
        label={c('bulk')}
        onClick={() => setAsking(true)}
        disabled={mutation.isPending || selectedIds.length === 0}
        data-action="confirm-selected"
      >
        <DoneAllIcon />
      </Button>
      <Confirm
        isOpen={asking}
        loading={mutation.isPending}
        title={translate(c('bulk_title'), { count: selectedIds.length })}
        content={translate(c('bulk_content'), { count: selectedIds.length })}
        confirm={translate(c('bulk'))}
        onConfirm={send}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
