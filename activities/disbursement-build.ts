import { Context } from '@temporalio/activity';
import { standardInForce } from '../db/allowance-standards.js';
import { cutoffOf } from '../domain/disbursement.js';
import type { PageRange } from '../domain/disbursement-policy.js';
import type { ActivityDeps } from './deps.js';

// Building a period's lines. Pages are id ranges of enrollments (keyset, never OFFSET); each
// page is one INSERT … SELECT that skips lines already there, so a page run twice after a
// crash adds nothing. The amount is computed in SQL from the term in force on the cut-off date
// and the standard in force that day, and stored with its inputs. The account is copied sealed,
// with its masked form, and never decrypted here: only the bank file opens it.

export function createDisbursementBuildActivities({ db, clock }: ActivityDeps) {
  return {
    async openRun(input: {
      period: string;
      workflowId: string;
      trigger: string;
      startedBy?: number | null;
      pageSize: number;
    }): Promise<{ runId: number; pages: PageRange[] }> {
      const now = clock();
      await db('disbursement_runs')
        .insert({
          period: input.period,
          cutoff_date: cutoffOf(input.period),
          workflow_id: input.workflowId,
          trigger: input.trigger,
          started_by: input.startedBy ?? null,
          started_at: now,
          phase_since: now,
        })
        .onConflict('period')
        .ignore();
      const run = await db('disbursement_runs').where({ period: input.period }).first('id');
      const { rows } = await db.raw(
        `SELECT min(id) AS "from", max(id) AS "to" FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / ? AS page FROM enrollments WHERE effective_from <= ?) p GROUP BY page ORDER BY page`,
        [input.pageSize, cutoffOf(input.period)],
      );
      const pages = rows.map((r: { from: number; to: number }) => ({ from: r.from, to: r.to }));
      await db('disbursement_runs').where({ id: run.id }).update({ pages_total: pages.length });
      return { runId: run.id, pages };
    },

    async buildPage(input: {
      runId: number;
      period: string;
      page: PageRange;
      index: number;
    }): Promise<{ inserted: number }> {
      Context.current().heartbeat(input.index);
      const cutoff = cutoffOf(input.period);
      const standard = await standardInForce(db, cutoff);
      const { rowCount } = await db.raw(
        `INSERT INTO payments (run_id, period, enrollment_id, household_id, community_id, street_id, kind, amount_fen,
                               standard_fen, floor_per_person_fen, total_income_fen, members, account_enc, account_masked, account_name, status, failure_reason, note)
         SELECT :runId, :period, e.id, e.household_id, e.community_id, e.street_id, 'regular',
                COALESCE(t.fixed_amount_fen, GREATEST(:std * t.members - t.total_income_fen, :floor * t.members)),
                :std, :floor, t.total_income_fen, t.members, h.bank_account_enc, COALESCE(h.bank_account_masked, ''), h.head_name,
                CASE WHEN h.bank_account_enc IS NULL THEN 'failed' ELSE 'pending' END,
                CASE WHEN h.bank_account_enc IS NULL THEN 'no_account' END, t.note
           FROM enrollments e
           JOIN LATERAL (SELECT status, members, total_income_fen, fixed_amount_fen, note FROM enrollment_terms t
                          WHERE t.enrollment_id = e.id AND t.effective_from <= :cutoff
                          ORDER BY t.effective_from DESC LIMIT 1) t ON true
           -- By key, one household per line: as a plain join the planner hashes the whole
           -- households table for every page (OFFSET 0 keeps it from flattening this).
           JOIN LATERAL (SELECT bank_account_enc, bank_account_masked, head_name FROM households h WHERE h.id = e.household_id OFFSET 0) h ON true
          WHERE e.id BETWEEN :from AND :to
            AND t.status = 'active'
            -- A 渐退 month pays its fixed amount though income is above the standard.
            AND (t.fixed_amount_fen IS NOT NULL OR :std * t.members - t.total_income_fen > 0)
         ON CONFLICT DO NOTHING`,
        {
          runId: input.runId,
          period: input.period,
          std: standard.standardFen,
          floor: standard.floorPerPersonFen,
          cutoff,
          from: input.page.from,
          to: input.page.to,
        },
      );
      await db('disbursement_runs')
        .where({ id: input.runId })
        .update({ pages_done: db.raw('GREATEST(pages_done, ?)', [input.index + 1]) });
      Context.current().heartbeat(input.index + 1);
      return { inserted: rowCount ?? 0 };
    },

    /** Lines carried from earlier months: one arrears line per carried line, once. */
    async buildArrears(input: { runId: number; period: string }): Promise<{ inserted: number }> {
      const { rowCount } = await db.raw(
        `INSERT INTO payments (run_id, period, enrollment_id, household_id, community_id, street_id, kind, amount_fen,
                               standard_fen, floor_per_person_fen, total_income_fen, members, account_enc, account_masked, account_name, status, failure_reason, arrears_of)
         SELECT :runId, :period, p.enrollment_id, p.household_id, p.community_id, p.street_id, 'arrears', p.amount_fen,
                p.standard_fen, p.floor_per_person_fen, p.total_income_fen, p.members, h.bank_account_enc, COALESCE(h.bank_account_masked, ''), h.head_name,
                CASE WHEN h.bank_account_enc IS NULL THEN 'failed' ELSE 'pending' END,
                CASE WHEN h.bank_account_enc IS NULL THEN 'no_account' END, p.id
           FROM payments p JOIN households h ON h.id = p.household_id
          WHERE p.status = 'carried' AND p.period < :period
         ON CONFLICT DO NOTHING`,
        { runId: input.runId, period: input.period },
      );
      return { inserted: rowCount ?? 0 };
    },

    async computeTotals({ runId }: { runId: number }): Promise<{ lines: number; totalFen: number }> {
      return db.transaction(async (trx) => {
        await trx('run_totals').where({ run_id: runId }).delete();
        await trx.raw(
          `INSERT INTO run_totals (run_id, street_id, community_id, lines, amount_fen)
           SELECT run_id, street_id, community_id, count(*), sum(amount_fen) FROM payments WHERE run_id = ? AND kind <> 'reissue' GROUP BY run_id, street_id, community_id`,
          [runId],
        );
        const [t] = await trx('run_totals')
          .where({ run_id: runId })
          .select(
            trx.raw('coalesce(sum(lines), 0)::int AS lines'),
            trx.raw('coalesce(sum(amount_fen), 0)::bigint AS total'),
          );
        await trx('disbursement_runs').where({ id: runId }).update({ lines: t.lines, total_fen: t.total });
        return { lines: t.lines, totalFen: Number(t.total) };
      });
    },
  };
}
