import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { writeAudit } from '../db/audit.js';
import { notify } from '../db/notifications.js';
import { bankAccountColumns, decryptPii, encryptPii } from '../db/pii.js';
import { bankFileCsv, type DisbursementPhase } from '../domain/disbursement.js';
import { maskAccount } from '../domain/id-number.js';
import { shanghaiDateTime } from '../domain/shanghai-date.js';
import type { Actor } from '../domain/actor.js';
import type { ActivityDeps } from './deps.js';
import { refusal } from './failures.js';

// From sign-off to the last fen: bank files (made once, kept with their checksum), submission,
// reconciliation, re-issue or arrears for failed lines, and the closing report. Each step is
// idempotent: a retry finds the file, the batch or the status already there. Accounts are opened
// only to write the bank file, which is itself kept sealed and opened only to hand it to the bank.

const LINE_DONE = ['paid', 'reissued', 'carried', 'cancelled'];

/** Paid and still-open failed lines on the run row, recounted whenever a line changes status. */
const recount = (trx: Knex | Knex.Transaction, runId: number) =>
  trx.raw(
    `UPDATE disbursement_runs SET lines_paid = (SELECT count(*) FROM payments WHERE run_id = :runId AND status = 'paid'),
            lines_failed = (SELECT count(*) FROM payments WHERE run_id = :runId AND status = 'failed') WHERE id = :runId`,
    { runId },
  );

export function createDisbursementPayActivities({ db, clock, bank }: ActivityDeps) {
  const audit = (runId: number, action: string, actor: Actor | null, after: Record<string, unknown>) =>
    writeAudit(
      db,
      { user: actor },
      { action: `disbursement.${action}`, entityType: 'disbursement_run', entityId: runId, after },
    );

  return {
    async setPhase({
      runId,
      phase,
      deadlineAt = null,
    }: {
      runId: number;
      phase: DisbursementPhase;
      deadlineAt?: string | null;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const n = await trx('disbursement_runs')
          .where({ id: runId })
          .whereNot({ phase })
          .update({
            phase,
            phase_since: clock(),
            signoff_deadline_at: deadlineAt,
            overdue: false,
            ...(phase === 'completed' ? { completed_at: clock() } : {}),
          });
        if (n)
          await writeAudit(
            trx,
            { user: null },
            {
              action: `disbursement.${phase}`,
              entityType: 'disbursement_run',
              entityId: runId,
              after: { phase, deadlineAt },
            },
          );
        // Finance signs off and resolves failed lines: tell them when a run waits on them, with
        // the deadline, instead of leaving them to find it on the runs page.
        if (n && (phase === 'awaiting_signoff' || phase === 'resolving')) {
          const run = await trx('disbursement_runs').where({ id: runId }).first('period');
          const district = await trx('org_units').where({ kind: 'district' }).first('id');
          const by = deadlineAt ? `，请于 ${shanghaiDateTime(deadlineAt)} 前处理` : '';
          await notify(trx, {
            dedupeKey: `${phase}:disbursement-${run.period}:${runId}`,
            kind: phase === 'awaiting_signoff' ? 'signoff_waiting' : 'failed_lines_waiting',
            audienceRole: 'finance',
            orgUnitId: district?.id ?? null,
            entityType: 'disbursement_run',
            entityId: runId,
            message:
              phase === 'awaiting_signoff'
                ? `${run.period} 发放批次已核对无误，待财务审核${by}`
                : `${run.period} 发放批次有银行失败明细，待重新发放或结转${by}`,
          });
        }
        // A run whose checks failed waits for a supervisor: tell them.
        if (n && phase === 'stopped') {
          const run = await trx('disbursement_runs').where({ id: runId }).first('period');
          await notify(trx, {
            dedupeKey: `stopped:disbursement-${run.period}:${clock().toISOString()}`,
            kind: 'run_failed',
            audienceRole: 'supervisor',
            orgUnitId: null,
            entityType: 'disbursement_run',
            entityId: runId,
            message: `${run.period} 发放批次核对未通过，已停止 (run stopped: checks failed)`,
          });
        }
      });
    },

    async markRunOverdue({
      runId,
      phase,
      deadlineAt,
    }: {
      runId: number;
      phase: string;
      deadlineAt: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const n = await trx('disbursement_runs').where({ id: runId, phase, overdue: false }).update({ overdue: true });
        if (!n) return;
        const run = await trx('disbursement_runs').where({ id: runId }).first('period');
        const district = await trx('org_units').where({ kind: 'district' }).first('id');
        await notify(trx, {
          dedupeKey: `overdue:disbursement-${run.period}:${phase}:${deadlineAt}`,
          kind: phase === 'awaiting_signoff' ? 'signoff_overdue' : 'failed_lines_unresolved',
          audienceRole: 'supervisor',
          orgUnitId: district?.id ?? null,
          entityType: 'disbursement_run',
          entityId: runId,
          message:
            phase === 'awaiting_signoff'
              ? `${run.period} 发放批次待财务审核已超期 (sign-off overdue)`
              : `${run.period} 发放批次有失败明细未处理，已超期 (failed lines unresolved)`,
        });
        await writeAudit(
          trx,
          { user: null },
          {
            action: 'disbursement.overdue',
            entityType: 'disbursement_run',
            entityId: runId,
            after: { phase, deadlineAt },
          },
        );
      });
    },

    async recordSignoff({
      runId,
      actor,
      approve,
      reason,
    }: {
      runId: number;
      actor: Actor;
      approve: boolean;
      reason: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const run = await trx('disbursement_runs').where({ id: runId }).forUpdate().first('phase');
        if (run.phase !== 'awaiting_signoff') return; // recorded by an earlier attempt
        const now = clock();
        if (approve)
          await trx('disbursement_runs')
            .where({ id: runId })
            .update({ approved_by: actor.id, approved_at: now, phase: 'bank_file', phase_since: now, overdue: false });
        else {
          await trx('disbursement_runs').where({ id: runId }).update({
            rejected_reason: reason,
            phase: 'rejected',
            phase_since: now,
            completed_at: now,
            overdue: false,
          });
          await trx('payments')
            .where({ run_id: runId })
            .whereIn('status', ['pending', 'failed'])
            .update({ status: 'cancelled', updated_at: now });
        }
        await writeAudit(
          trx,
          { user: actor },
          {
            action: approve ? 'disbursement.approve' : 'disbursement.reject',
            entityType: 'disbursement_run',
            entityId: runId,
            after: { reason },
          },
        );
      });
    },

    /** File `seq` of a run: 1 holds every pending line of the month, later ones the re-issued lines. */
    async writeBankFile({
      runId,
      seq,
      paymentIds,
    }: {
      runId: number;
      seq: number;
      paymentIds?: number[];
    }): Promise<{ lines: number; sha256: string }> {
      return db.transaction(async (trx) => {
        const existing = await trx('bank_files').where({ run_id: runId, seq }).first('lines', 'sha256');
        if (existing) return existing;
        const q = trx('payments')
          .where({ run_id: runId, status: 'pending' })
          .orderBy('id')
          .select('id', 'account_enc', 'account_name', 'amount_fen');
        // One array parameter, not one per id: a month's file passes PostgreSQL's 65,535-parameter limit.
        if (paymentIds) q.whereRaw('id = ANY(?::bigint[])', [paymentIds]);
        const rows = await q;
        const content = bankFileCsv(
          rows.map((r) => ({
            lineId: Number(r.id),
            account: decryptPii(r.account_enc),
            name: r.account_name,
            amountFen: Number(r.amount_fen),
          })),
        );
        // The checksum is of the file the bank receives, so it can check what it got.
        const sha256 = createHash('sha256').update(content).digest('hex');
        const totalFen = rows.reduce((s, r) => s + Number(r.amount_fen), 0);
        await trx('bank_files').insert({
          run_id: runId,
          seq,
          content_enc: encryptPii(content),
          sha256,
          lines: rows.length,
          total_fen: totalFen,
        });
        Context.current().heartbeat(); // a million lines: reading and writing the file took a while, marking them takes a while more
        await trx('payments')
          .whereRaw('id = ANY(?::bigint[])', [rows.map((r) => r.id)])
          .update({ status: 'submitted', bank_file_seq: seq, updated_at: clock() });
        await writeAudit(
          trx,
          { user: null },
          {
            action: 'disbursement.bank_file',
            entityType: 'disbursement_run',
            entityId: runId,
            after: { seq, lines: rows.length, totalFen, sha256 },
          },
        );
        return { lines: rows.length, sha256 };
      });
    },

    async submitBankFile({ runId, seq }: { runId: number; seq: number }): Promise<{ batchId: string }> {
      const file = await db('bank_files').where({ run_id: runId, seq }).first();
      if (file.batch_id) return { batchId: file.batch_id };
      const { batchId } = await bank.submit({ runId, seq, content: decryptPii(file.content_enc), sha256: file.sha256 });
      await db('bank_files').where({ run_id: runId, seq }).update({ batch_id: batchId });
      await audit(runId, 'submit', null, { seq, batchId });
      return { batchId };
    },

    /** Applies the bank's answers so far; returns how many lines of the file still wait, and the failed ones. */
    async reconcile({ runId, seq }: { runId: number; seq: number }): Promise<{ waiting: number; failedIds: number[] }> {
      const file = await db('bank_files').where({ run_id: runId, seq }).first('batch_id', 'lines');
      const answers = await bank.answers(file.batch_id);
      const now = clock();
      if (answers.length) {
        await db.transaction(async (trx) => {
          for (let i = 0; i < answers.length; i += 5000) {
            // A month's answers take tens of seconds to apply: say we are alive, or the
            // heartbeat timeout hands the same answers to a second attempt meanwhile.
            Context.current().heartbeat(i);
            const chunk = answers.slice(i, i + 5000);
            await trx.raw(
              `UPDATE payments p SET status = v.status, failure_reason = v.reason, updated_at = ?
                 FROM jsonb_to_recordset(?::jsonb) AS v(id bigint, status text, reason text)
                WHERE p.id = v.id AND p.run_id = ? AND p.status = 'submitted'`,
              [
                now,
                JSON.stringify(
                  chunk.map((a) => ({ id: a.lineId, status: a.paid ? 'paid' : 'failed', reason: a.reason ?? null })),
                ),
                runId,
              ],
            );
          }
          await recount(trx, runId);
        });
      }
      const [{ waiting }] = await db('payments')
        .where({ run_id: runId, bank_file_seq: seq, status: 'submitted' })
        .count({ waiting: '*' });
      const failedIds = Number(waiting)
        ? []
        : (
            await db('payments')
              .where({ run_id: runId, bank_file_seq: seq, status: 'failed' })
              .orderBy('id')
              .pluck('id')
          ).map(Number);
      return { waiting: Number(waiting), failedIds };
    },

    /** Lines that failed before reaching the bank (no account on file). */
    async unpayableLines({ runId }: { runId: number }): Promise<number[]> {
      return (
        await db('payments')
          .where({ run_id: runId, status: 'failed' })
          .whereNull('bank_file_seq')
          .orderBy('id')
          .pluck('id')
      ).map(Number);
    },

    /**
     * The corrected account arrives sealed (`accountSealed`, by the API): the workflow's history
     * holds only ciphertext. `account` is the plaintext an Update accepted before that change
     * may still carry; it is sealed here like any other.
     */
    async reissueLine({
      runId,
      paymentId,
      accountSealed,
      account: legacyAccount,
      accountName,
      actor,
    }: {
      runId: number;
      paymentId: number;
      accountSealed?: string;
      account?: string;
      accountName?: string;
      actor: Actor;
    }): Promise<{ newId: number }> {
      const account = accountSealed ? decryptPii(accountSealed) : legacyAccount;
      if (!account || !/^\d{12,30}$/.test(account))
        throw refusal('ValidationError', '银行账号应为12–30位数字 (12–30 digits)', {
          account: '银行账号应为12–30位数字 (12–30 digits)',
        });
      return db.transaction(async (trx) => {
        const done = await trx('payments').where({ reissue_of: paymentId }).first('id');
        if (done) return { newId: Number(done.id) };
        const p = await trx('payments').where({ id: paymentId, run_id: runId }).forUpdate().first();
        if (!p || p.status !== 'failed')
          throw refusal('ConflictError', `明细 ${paymentId} 不是失败状态 (line is not failed)`);
        const name = accountName?.trim() || p.account_name;
        await trx('households')
          .where({ id: p.household_id })
          .update({ ...bankAccountColumns(account), head_name: name, updated_at: clock() });
        const {
          id: _id,
          status: _s,
          failure_reason: _f,
          bank_file_seq: _b,
          created_at: _c,
          updated_at: _u,
          ...line
        } = p;
        const [created] = await trx('payments')
          .insert({
            ...line,
            kind: 'reissue',
            account_enc: encryptPii(account),
            account_masked: maskAccount(account),
            account_name: name,
            status: 'pending',
            reissue_of: paymentId,
            arrears_of: null,
          })
          .returning('id');
        await trx('payments').where({ id: paymentId }).update({ status: 'reissued', updated_at: clock() });
        await recount(trx, runId);
        await writeAudit(
          trx,
          { user: actor },
          {
            action: 'payment.reissue',
            entityType: 'payment',
            entityId: paymentId,
            orgUnitId: p.community_id,
            before: { accountMasked: p.account_masked, reason: p.failure_reason },
            after: { accountMasked: maskAccount(account), newLine: created.id },
          },
        );
        return { newId: Number(created.id) };
      });
    },

    async carryLines({
      runId,
      paymentIds,
      actor,
    }: {
      runId: number;
      paymentIds: number[];
      actor: Actor | null;
    }): Promise<{ carried: number }> {
      return db.transaction(async (trx) => {
        const carried = await trx('payments')
          .where({ run_id: runId, status: 'failed' })
          .whereRaw('id = ANY(?::bigint[])', [paymentIds])
          .update({ status: 'carried', updated_at: clock() });
        await recount(trx, runId);
        await writeAudit(
          trx,
          { user: actor },
          { action: 'payment.carry', entityType: 'disbursement_run', entityId: runId, after: { paymentIds, carried } },
        );
        return { carried };
      });
    },

    /** Closes the run if every line ended paid, re-issued or carried; otherwise reports what did not. */
    async completeRun({ runId }: { runId: number }): Promise<{ ok: boolean; report: Record<string, unknown> }> {
      const byStatus = await db('payments')
        .where({ run_id: runId })
        .groupBy('status', 'kind')
        .select('status', 'kind', db.raw('count(*)::int AS lines'), db.raw('sum(amount_fen)::bigint AS fen'));
      const open = byStatus.filter((r) => !LINE_DONE.includes(r.status));
      const report = {
        lines: byStatus.map((r) => ({ status: r.status, kind: r.kind, lines: r.lines, fen: Number(r.fen) })),
        openLines: open.reduce((s, r) => s + r.lines, 0),
      };
      if (open.length) return { ok: false, report };
      await db.transaction(async (trx) => {
        const n = await trx('disbursement_runs')
          .where({ id: runId })
          .whereNot({ phase: 'completed' })
          .update({
            phase: 'completed',
            phase_since: clock(),
            completed_at: clock(),
            report: JSON.stringify(report),
            overdue: false,
          });
        if (n)
          await writeAudit(
            trx,
            { user: null },
            { action: 'disbursement.completed', entityType: 'disbursement_run', entityId: runId, after: report },
          );
      });
      return { ok: true, report };
    },
  };
}
