import { useQueryClient } from '@tanstack/react-query';
import type { Identifier, RaRecord } from 'react-admin';
import type { WorkflowDetail } from './types';

/**
 * Puts an action's answer (the updated row) on the page at once. The refetch that follows may
 * well answer 404 — an extended deadline or a successful retry takes the workflow off the stuck
 * list — and the page then keeps showing this answer rather than the row from before.
 */
export function useApplyAnswer() {
  const queryClient = useQueryClient();
  return (id: Identifier, answer: RaRecord) => {
    const row = answer as Partial<WorkflowDetail>;
    queryClient.setQueriesData<WorkflowDetail>({ queryKey: ['workflows', 'getOne', { id: String(id) }] }, (old) =>
      old
        ? {
            ...old,
            ...row,
            id: old.id,
            interventions: row.interventions ?? old.interventions,
            // after terminate the answer is only { id, status }: nothing is left to do
            allowedActions: row.allowedActions ?? [],
          }
        : old,
    );
  };
}
