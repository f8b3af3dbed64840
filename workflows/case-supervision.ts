import { upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseKernel, CaseState } from './case-kernel.js';
import { sa } from './search-attributes.js';
import * as sup from './supervision-messages.js';
import { checkExtend, checkReassign } from './supervision-rules.js';

// A supervisor's new assignee or later deadline, the same Updates on every case that has an
// assignee and deadlines: a timeline step like any other, numbered and recorded.

type Supervised = CaseState & { deadlineAt: string | null; overdue: boolean };

export function superviseCase<S extends Supervised>(
  kernel: CaseKernel<S>,
  o: {
    kind: 'benefit' | 'referral';
    caseId: number;
    record: Activities['recordSupervision'];
    /** The case has ended: nobody to reassign it to. */
    closed: () => boolean;
    /** It waits at a stage with a deadline a supervisor may move (not a legal notice period). */
    extendable: () => boolean;
  },
): void {
  const { state } = kernel;
  const answer = (): sup.SupervisionAnswer => ({
    stage: state.stage,
    deadlineAt: state.deadlineAt,
    overdue: state.overdue,
  });
  const supervise = (
    actor: sup.ReassignRequest['actor'],
    reason: string,
    change: { assigneeId: number } | { deadlineAt: string },
  ) =>
    kernel.numbered((seq) =>
      o.record({ kind: o.kind, caseId: o.caseId, seq, stage: state.stage, actor, reason, change }),
    );

  kernel.update(
    sup.reassignUpdate,
    async (r) => {
      await supervise(r.actor, r.reason, { assigneeId: r.assigneeId });
      upsertSearchAttributes([{ key: sa.assignee, value: String(r.assigneeId) }]);
    },
    (r) => checkReassign(r, { closed: o.closed(), busy: kernel.busy }),
    answer,
  );
  kernel.update(
    sup.extendDeadlineUpdate,
    async (r) => {
      await supervise(r.actor, r.reason, { deadlineAt: r.deadlineAt });
      Object.assign(state, { deadlineAt: r.deadlineAt, overdue: false });
      kernel.publish();
    },
    (r) => checkExtend(r, { extendable: o.extendable(), busy: kernel.busy, now: Date.now() }),
    answer,
  );
}
