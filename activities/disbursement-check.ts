import { standardInForce } from '../db/allowance-standards.js';
import { cutoffOf } from '../domain/disbursement.js';
import type { ActivityDeps } from './deps.js';

// The bureau's rule as a query: for the period, exactly one regular line per enrollment active
// at cut-off, the sum of the lines equal to the sum of what those households are due, and no
// line for anything else. Computed from enrollments and terms, not from the lines.

export interface CheckReport {
  ok: boolean;
  expectedLines: number;
  actualLines: number;
  expectedFen: number;
  actualFen: number;
  /** Up to 20 enrollments whose line is missing, doubled, unexpected or of the wrong amount. */
  differences: { enrollmentId: number; expectedFen: number | null; actualFen: number | null; lines: number }[];
}

export function createDisbursementCheckActivities({ db }: ActivityDeps) {
  return {
    async checkRun({ runId, period }: { runId: number; period: string }): Promise<CheckReport> {
      const cutoff = cutoffOf(period);
      const standard = await standardInForce(db, cutoff);
      const params = { runId, cutoff, std: standard.standardFen, floor: standard.floorPerPersonFen };
      const expected = `
        SELECT e.id AS enrollment_id,
               COALESCE(t.fixed_amount_fen, GREATEST(:std * t.members - t.total_income_fen, :floor * t.members))::bigint AS amount
          FROM enrollments e
          JOIN LATERAL (SELECT status, members, total_income_fen, fixed_amount_fen FROM enrollment_terms t
                         WHERE t.enrollment_id = e.id AND t.effective_from <= :cutoff
                         ORDER BY t.effective_from DESC LIMIT 1) t ON true
         WHERE t.status = 'active' AND (t.fixed_amount_fen IS NOT NULL OR :std * t.members - t.total_income_fen > 0)`;
      const actual = `SELECT enrollment_id, count(*)::int AS n, sum(amount_fen)::bigint AS amount FROM payments WHERE run_id = :runId AND kind = 'regular' GROUP BY enrollment_id`;
      const {
        rows: [sums],
      } = await db.raw(
        `WITH expected AS (${expected}), actual AS (${actual})
         SELECT (SELECT count(*) FROM expected)::int AS expected_lines, (SELECT coalesce(sum(amount), 0) FROM expected)::bigint AS expected_fen,
                (SELECT coalesce(sum(n), 0) FROM actual)::int AS actual_lines, (SELECT coalesce(sum(amount), 0) FROM actual)::bigint AS actual_fen`,
        params,
      );
      const { rows: diffs } = await db.raw(
        `WITH expected AS (${expected}), actual AS (${actual})
         SELECT coalesce(x.enrollment_id, a.enrollment_id) AS enrollment_id, x.amount AS expected, a.amount AS actual, coalesce(a.n, 0) AS n
           FROM expected x FULL OUTER JOIN actual a ON a.enrollment_id = x.enrollment_id
          WHERE x.enrollment_id IS NULL OR a.enrollment_id IS NULL OR a.n <> 1 OR a.amount <> x.amount
          ORDER BY 1 LIMIT 20`,
        params,
      );
      const report: CheckReport = {
        ok: diffs.length === 0 && sums.expected_lines === sums.actual_lines && sums.expected_fen === sums.actual_fen,
        expectedLines: sums.expected_lines,
        actualLines: sums.actual_lines,
        expectedFen: Number(sums.expected_fen),
        actualFen: Number(sums.actual_fen),
        differences: diffs.map(
          (d: { enrollment_id: number; expected: string | null; actual: string | null; n: number }) => ({
            enrollmentId: d.enrollment_id,
            expectedFen: d.expected === null ? null : Number(d.expected),
            actualFen: d.actual === null ? null : Number(d.actual),
            lines: d.n,
          }),
        ),
      };
      await db('disbursement_runs')
        .where({ id: runId })
        .update({ check_report: JSON.stringify(report) });
      return report;
    },
  };
}
