import { useGetList } from 'react-admin';
import type { Payment } from '../payments/types';
import type { RunDetail } from './types';

const PAGE = { page: 1, perPage: 200 };
const BY_ID = { field: 'id', order: 'ASC' as const };

/** The run's lines still failed (waiting for re-issue or carry), looked at again while it resolves. */
export function useFailedLines(run: RunDetail | undefined, enabled = true) {
  const resolving = run?.phase === 'resolving';
  return useGetList<Payment>(
    'payments',
    { pagination: PAGE, sort: BY_ID, filter: { runId: run?.id, status: 'failed' } },
    {
      enabled: !!run && enabled && ['submitted', 'resolving', 'completed', 'stopped'].includes(run.phase),
      refetchInterval: resolving ? 2000 : false,
    },
  );
}

/** The lines re-issued to a corrected account, with the bank's answer as it comes. */
export function useReissuedLines(run: RunDetail | undefined) {
  const resolving = run?.phase === 'resolving';
  return useGetList<Payment>(
    'payments',
    { pagination: PAGE, sort: BY_ID, filter: { runId: run?.id, kind: 'reissue' } },
    {
      enabled: !!run && ['resolving', 'completed', 'stopped'].includes(run.phase),
      refetchInterval: resolving ? 2000 : false,
    },
  );
}
