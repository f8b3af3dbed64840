import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { DisbursementPhase } from '../domain/disbursement.js';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.js';
import { policyDaysToMs } from '../domain/policy-time.js';
import * as msg from './disbursement-messages.js';
import type { DisbursementInput, DisbursementState } from './disbursement-messages.js';
import { refuseWith } from './failures.js';

// One month's payments, `disbursement-YYYY-MM`: build the lines page by page, total them,
// check the bureau's invariants, wait for finance to sign off, write and submit the bank file,
// reconcile the answers, resolve failed lines (re-issue with a corrected account, or carry to
// next month as arrears), and close with a report. Every phase is in the DB and in a query.

const retry = { initialInterval: '1 second', maximumInterval: '30 seconds' };
const acts = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '1 minute', retry });
// A page is short: a worker that died in the middle is noticed in 20 s and the page redone.
const pages = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '20 seconds', retry });

export async function disbursementRun(input: DisbursementInput): Promise<DisbursementState> {
  const { period, policy } = input;
  const state: DisbursementState = input.resume ?? {
    runId: 0,
    period,
    phase: 'building',
    pages: [],
    pagesDone: 0,
    lines: 0,
    totalFen: 0,
    deadlineAt: null,
    overdue: false,
    failedLineIds: [],
    openFiles: [],
    bankFileSeq: 0,
    checkFailures: 0,
  };
  let signoff: msg.SignoffRequest | undefined;
  let signoffRecorded = false;
  // Decided once per run, so a run keeps one way of recording its sign-off for its whole life.
  const signoffByLoop = patched('signoff-recorded-by-main-loop');
  let closeRequested = false;
  let recheckRequested = false;
  let stoppedFrom: DisbursementPhase = 'checking';
  const toSubmit: number[] = [];
  let lineHandlers = 0; // re-issues and carries still writing
  const rolling = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > policy.historyLimit;
  let rollingOver = false;

  const inDays = (days: number) => new Date(Date.now() + policyDaysToMs(days, policy.daySeconds)).toISOString();
  // The workflow takes the phase first and then tells the DB, so anyone who sees the phase in
  // the DB finds the workflow ready for it (an approve never meets a run still "checking").
  async function phase(p: DisbursementPhase, deadlineAt: string | null = null) {
    Object.assign(state, { phase: p, deadlineAt, overdue: false });
    await acts.setPhase({ runId: state.runId, phase: p, deadlineAt });
  }

  const finance = (a: msg.SignoffRequest['actor'], what: string) => {
    if (a.role !== 'finance') throw new ForbiddenError(`只有财务人员可以${what} (finance only)`);
  };
  setHandler(msg.runStateQuery, () => state);
  setHandler(
    msg.signoffUpdate,
    async (r) => {
      signoff = r;
      // Runs started before this change record the sign-off here, as they always did.
      if (!signoffByLoop)
        await acts.recordSignoff({ runId: state.runId, actor: r.actor, approve: r.approve, reason: r.reason });
      // Newer runs let the main loop record it, after the phase has reached the DB: one writer, in order.
      else await condition(() => signoffRecorded);
      return state;
    },
    {
      validator: (r) =>
        refuseWith(rollingOver, () => {
          finance(r.actor, '审核发放');
          if (state.phase !== 'awaiting_signoff' || signoff)
            throw new ConflictError(`发放批次当前为「${state.phase}」，不能审核 (not awaiting sign-off)`);
          if (!r.approve && !r.reason?.trim())
            throw new ValidationError('请填写退回原因 (reason required)', { reason: '请填写原因 (reason required)' });
        }),
    },
  );

  // A failed line is taken out of the list before the first await: a second request for the
  // same line finds it gone and gets a 409, so it is re-issued or carried once, never both.
  const takeFailed = (r: msg.LineRequest, what: string) => {
    finance(r.actor, what);
    if (state.phase !== 'resolving')
      throw new ConflictError(`发放批次当前为「${state.phase}」(not resolving failed lines)`);
    if (!state.failedLineIds.includes(r.paymentId))
      throw new ConflictError(
        `明细 ${r.paymentId} 不是待处理的失败明细 (line is not a failed line waiting for a decision)`,
      );
  };
  // Validators of two Updates in one activation can both pass: the second to take a line finds it gone.
  const release = (id: number) => {
    const i = state.failedLineIds.indexOf(id);
    if (i < 0)
      throw ApplicationFailure.create({
        type: 'ConflictError',
        message: `明细 ${id} 已在处理 (line already being handled)`,
        nonRetryable: true,
      });
    state.failedLineIds.splice(i, 1);
  };
  setHandler(
    msg.reissueUpdate,
    async (r) => {
      release(r.paymentId);
      lineHandlers++;
      try {
        const { newId } = await acts.reissueLine({
          runId: state.runId,
          paymentId: r.paymentId,
          ...(r.accountSealed ? { accountSealed: r.accountSealed } : { account: r.account }),
          accountName: r.accountName,
          actor: r.actor,
        });
        toSubmit.push(newId);
      } catch (e) {
        state.failedLineIds.push(r.paymentId);
        throw e instanceof ActivityFailure && e.cause instanceof ApplicationFailure ? e.cause : e;
      } finally {
        lineHandlers--;
      }
      return state;
    },
    {
      validator: (r) =>
        refuseWith(rollingOver, () => {
          takeFailed(r, '重新发放');
          // The digits were checked by the API before sealing; the workflow cannot open the value.
          if (!/^v1:[\w-]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/.test(r.accountSealed ?? ''))
            throw new ValidationError('银行账号应为12–30位数字 (12–30 digits)', {
              account: '银行账号应为12–30位数字 (12–30 digits)',
            });
        }),
    },
  );
  setHandler(
    msg.carryUpdate,
    async (r) => {
      release(r.paymentId);
      lineHandlers++;
      try {
        await acts.carryLines({ runId: state.runId, paymentIds: [r.paymentId], actor: r.actor });
      } finally {
        lineHandlers--;
      }
      return state;
    },
    { validator: (r) => refuseWith(rollingOver, () => takeFailed(r, '转入下月补发')) },
  );
  setHandler(
    msg.closeRunUpdate,
    async () => {
      closeRequested = true;
      await condition(() => state.phase === 'completed' || state.phase === 'stopped');
      return state;
    },
    {
      validator: (r) =>
        refuseWith(rollingOver, () => {
          finance(r.actor, '结束发放');
          if (state.phase !== 'resolving' || closeRequested)
            throw new ConflictError('只有处理失败明细阶段可以结束 (only while resolving failed lines)');
        }),
    },
  );
  setHandler(
    msg.recheckRunUpdate,
    async () => {
      recheckRequested = true;
      return state;
    },
    {
      validator: (r) =>
        refuseWith(rollingOver, () => {
          if (r.actor.role !== 'supervisor') throw new ForbiddenError('只有督导可以重新核对 (supervisor only)');
          if (state.phase !== 'stopped' || recheckRequested)
            throw new ConflictError('批次未因核对失败而停止 (run is not stopped)');
          if (!r.reason?.trim())
            throw new ValidationError('请填写说明 (reason required)', { reason: '请填写说明 (reason required)' });
        }),
    },
  );

  /** Waits for `done`; past the deadline, flags the run for supervisors once and keeps waiting. */
  async function waitWithDeadline(done: () => boolean) {
    const due = state.deadlineAt ? Date.parse(state.deadlineAt) - Date.now() : undefined;
    if (await condition(done, due === undefined ? undefined : Math.max(1, due))) return;
    await acts.markRunOverdue({ runId: state.runId, phase: state.phase, deadlineAt: state.deadlineAt! });
    state.overdue = true;
    await condition(done);
  }

  async function pollOpenFiles() {
    while (state.openFiles.length) {
      for (const seq of [...state.openFiles]) {
        const r = await acts.reconcile({ runId: state.runId, seq });
        if (r.waiting === 0) {
          state.openFiles = state.openFiles.filter((s) => s !== seq);
          state.failedLineIds.push(...r.failedIds);
        }
      }
      if (state.openFiles.length) await sleep(policy.bankPollMs);
    }
  }

  async function submitFile(paymentIds?: number[]) {
    const seq = state.bankFileSeq + 1;
    const file = await acts.writeBankFile({ runId: state.runId, seq, paymentIds });
    state.bankFileSeq = seq;
    if (file.lines > 0) {
      await acts.submitBankFile({ runId: state.runId, seq });
      state.openFiles.push(seq);
    }
  }

  if (!input.resume) {
    const opened = await acts.openRun({
      period,
      workflowId: workflowInfo().workflowId,
      trigger: input.trigger,
      startedBy: input.startedBy,
      pageSize: policy.pageSize,
    });
    Object.assign(state, { runId: opened.runId, pages: opened.pages });
  }

  while (state.phase !== 'completed' && state.phase !== 'rejected') {
    if (rolling() && !toSubmit.length) {
      rollingOver = true;
      await condition(allHandlersFinished);
      await continueAsNew<typeof disbursementRun>({ ...input, resume: state });
    }
    switch (state.phase) {
      case 'building': {
        // A few pages at a time, in order, so "pages done" is always a prefix to resume from.
        while (state.pagesDone < state.pages.length && !rolling()) {
          const wave = state.pages.slice(state.pagesDone, state.pagesDone + policy.parallelPages);
          await Promise.all(
            wave.map((page, i) => pages.buildPage({ runId: state.runId, period, page, index: state.pagesDone + i })),
          );
          state.pagesDone += wave.length;
        }
        if (state.pagesDone < state.pages.length) break; // continue as new first
        await acts.buildArrears({ runId: state.runId, period });
        await phase('totals');
        break;
      }
      case 'totals': {
        Object.assign(state, await acts.computeTotals({ runId: state.runId }));
        await phase('checking');
        break;
      }
      case 'checking': {
        const report = await acts.checkRun({ runId: state.runId, period });
        if (report.ok) await phase('awaiting_signoff', inDays(policy.signoffDays));
        else {
          state.checkFailures += 1;
          stoppedFrom = 'checking';
          await phase('stopped');
        }
        break;
      }
      case 'stopped': {
        await condition(() => recheckRequested);
        recheckRequested = false;
        await phase(stoppedFrom);
        break;
      }
      case 'awaiting_signoff': {
        if (signoffByLoop) {
          await waitWithDeadline(() => signoff !== undefined);
          await acts.recordSignoff({
            runId: state.runId,
            actor: signoff!.actor,
            approve: signoff!.approve,
            reason: signoff!.reason,
          });
        } else await waitWithDeadline(() => signoff !== undefined && allHandlersFinished());
        Object.assign(state, { phase: signoff!.approve ? 'bank_file' : 'rejected', deadlineAt: null, overdue: false });
        signoffRecorded = true;
        break;
      }
      case 'bank_file': {
        if (state.bankFileSeq === 0) await submitFile();
        state.failedLineIds.push(
          ...(await acts.unpayableLines({ runId: state.runId })).filter((id) => !state.failedLineIds.includes(id)),
        );
        await phase('submitted');
        break;
      }
      case 'submitted': {
        await pollOpenFiles();
        if (state.failedLineIds.length) await phase('resolving', inDays(policy.resolveDays));
        else await complete();
        break;
      }
      case 'resolving': {
        await waitWithDeadline(
          () => toSubmit.length > 0 || closeRequested || (state.failedLineIds.length === 0 && lineHandlers === 0),
        );
        if (toSubmit.length) {
          await submitFile(toSubmit.splice(0));
          await pollOpenFiles();
        } else if (closeRequested) {
          await acts.carryLines({ runId: state.runId, paymentIds: state.failedLineIds.splice(0), actor: null });
        }
        if (!state.failedLineIds.length && !toSubmit.length && lineHandlers === 0) await complete();
        break;
      }
      default:
        throw ApplicationFailure.nonRetryable(`unexpected phase ${String(state.phase)}`);
    }
  }
  await condition(allHandlersFinished);
  return state;

  async function complete() {
    const done = await acts.completeRun({ runId: state.runId });
    if (done.ok) Object.assign(state, { phase: 'completed', deadlineAt: null, overdue: false });
    else {
      stoppedFrom = 'submitted';
      await phase('stopped');
    }
  }
}
