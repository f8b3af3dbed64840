import type { Knex } from 'knex';
import { cutoffOf } from '../domain/disbursement.js';

// The bureau's invariants for a finished build, checked from outside the run: what each
// enrollment is due is the amount stored on its term in force at cut-off (written when the
// term was made), not the build's formula, so a wrong formula in the build shows up here too.
// That holds while the standard in force at cut-off is the one the terms were computed under,
// as in the benchmark and the fault tests (the run's own check recomputes under the standard).

export interface RunInvariants {
  expectedLines: number;
  lines: number;
  duplicates: number;
  missing: number;
  unexpected: number;
  expectedFen: number;
  fen: number;
  one_line_per_enrollment: boolean;
  sum_matches: boolean;
  nothing_else: boolean;
}

export async function runInvariants(db: Knex, period: string): Promise<RunInvariants> {
  // One pass: what is due beside what was built, joined both ways.
  const {
    rows: [r],
  } = await db.raw(
    `WITH due AS (
       SELECT enrollment_id, amount_fen FROM (
         SELECT DISTINCT ON (enrollment_id) enrollment_id, status, amount_fen FROM enrollment_terms
          WHERE effective_from <= :cutoff ORDER BY enrollment_id, effective_from DESC) t
        WHERE status = 'active' AND amount_fen > 0),
     got AS (SELECT enrollment_id, count(*) AS n, sum(amount_fen) AS fen FROM payments WHERE period = :period AND kind = 'regular' GROUP BY enrollment_id),
     j AS (SELECT due.enrollment_id AS due_id, due.amount_fen AS want, got.enrollment_id AS got_id, got.n, got.fen FROM due FULL JOIN got ON got.enrollment_id = due.enrollment_id)
     SELECT count(due_id)::int AS expected_lines,
            coalesce(sum(want), 0)::bigint AS expected_fen,
            coalesce(sum(n), 0)::int AS lines,
            coalesce(sum(fen), 0)::bigint AS fen,
            coalesce(sum(n - 1) FILTER (WHERE n > 1), 0)::int AS duplicates,
            count(*) FILTER (WHERE got_id IS NULL)::int AS missing,
            count(*) FILTER (WHERE due_id IS NULL)::int AS unexpected,
            count(*) FILTER (WHERE due_id IS NOT NULL AND got_id IS NOT NULL AND fen <> want)::int AS wrong_amount,
            (SELECT count(*) FROM payments WHERE period = :period AND kind <> 'regular')::int AS other_kinds
       FROM j`,
    { period, cutoff: cutoffOf(period) },
  );
  const expectedFen = Number(r.expected_fen);
  const fen = Number(r.fen);
  return {
    expectedLines: r.expected_lines,
    lines: r.lines,
    duplicates: r.duplicates,
    missing: r.missing,
    unexpected: r.unexpected,
    expectedFen,
    fen,
    one_line_per_enrollment: r.duplicates === 0 && r.missing === 0 && r.lines === r.expected_lines,
    sum_matches: fen === expectedFen && r.wrong_amount === 0,
    nothing_else: r.unexpected === 0 && r.other_kinds === 0,
  };
}
