import { createHash } from 'node:crypto';
import pg from 'pg';
import { standardInForce } from '../db/allowance-standards.js';
import type { Knex } from 'knex';
import { cutoffOf } from '../domain/disbursement.js';
import { decryptPii } from '../db/pii.js';
import { copyOut } from './copy-out.js';

// The floor of a month's run: what PostgreSQL alone needs to produce the same result. In one
// transaction: every line in one `INSERT … SELECT` (the build's own statement, without pages)
// and the totals per community (build_s), then the bank file with `COPY … TO STDOUT`
// (reconcile_s: build and file; no bank answers to apply). Rolled back, so the measured run
// finds the table as seeded. No UPDATE to "paid" here: in the transaction that inserted the
// rows PostgreSQL re-checks every foreign key on update, which the real run never pays.

export interface FloorResult {
  build_s: number;
  bank_file_s: number;
  reconcile_s: number;
  lines: number;
  totalFen: number;
  bankFile: Buffer;
}

export async function measureFloor(db: Knex, url: string, period: string): Promise<FloorResult> {
  const cutoff = cutoffOf(period);
  const std = await standardInForce(db, cutoff);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const {
      rows: [run],
    } = await client.query(
      `INSERT INTO disbursement_runs (period, cutoff_date, workflow_id, trigger) VALUES ($1, $2, $3, 'manual') RETURNING id`,
      [period, cutoff, `floor-${period}`],
    );
    const t0 = performance.now();
    const built = await client.query(
      `INSERT INTO payments (run_id, period, enrollment_id, household_id, community_id, street_id, kind, amount_fen,
                             standard_fen, floor_per_person_fen, total_income_fen, members, account_enc, account_masked, account_name, status, failure_reason)
       SELECT $1, $2, e.id, e.household_id, e.community_id, e.street_id, 'regular',
              COALESCE(t.fixed_amount_fen, GREATEST($3 * t.members - t.total_income_fen, $4 * t.members)),
              $3, $4, t.total_income_fen, t.members, h.bank_account_enc, COALESCE(h.bank_account_masked, ''), h.head_name,
              CASE WHEN h.bank_account_enc IS NULL THEN 'failed' ELSE 'pending' END,
              CASE WHEN h.bank_account_enc IS NULL THEN 'no_account' END
         FROM enrollments e
         JOIN LATERAL (SELECT status, members, total_income_fen, fixed_amount_fen FROM enrollment_terms t
                        WHERE t.enrollment_id = e.id AND t.effective_from <= $5
                        ORDER BY t.effective_from DESC LIMIT 1) t ON true
         JOIN households h ON h.id = e.household_id
        WHERE e.effective_from <= $5 AND t.status = 'active'
          AND (t.fixed_amount_fen IS NOT NULL OR $3 * t.members - t.total_income_fen > 0)
       ON CONFLICT DO NOTHING`,
      [run.id, period, std.standardFen, std.floorPerPersonFen, cutoff],
    );
    const {
      rows: [totals],
    } = await client.query(
      `WITH t AS (INSERT INTO run_totals (run_id, street_id, community_id, lines, amount_fen)
                  SELECT run_id, street_id, community_id, count(*), sum(amount_fen) FROM payments WHERE run_id = $1 GROUP BY run_id, street_id, community_id
                  RETURNING lines, amount_fen)
       SELECT coalesce(sum(lines), 0)::int AS lines, coalesce(sum(amount_fen), 0)::bigint AS fen FROM t`,
      [run.id],
    );
    const t1 = performance.now();
    // The bank file's columns and format (amount in yuan with two decimals), in line id order;
    // accounts are stored sealed, so the floor opens each one as the real file does.
    const sealed = await copyOut(
      client,
      `COPY (SELECT id AS line_id, account_enc AS account, account_name AS name, (amount_fen / 100)::text || '.' || lpad((amount_fen % 100)::text, 2, '0') AS amount_yuan
               FROM payments WHERE run_id = ${Number(run.id)} AND status = 'pending' ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER true)`,
    );
    const file = openAccounts(sealed.toString('utf8'));
    // The real activity hashes its file for the record; so does the floor.
    createHash('sha256').update(file).digest('hex');
    const t2 = performance.now();
    if (built.rowCount !== totals.lines)
      throw new Error(`floor: ${built.rowCount} lines built, totals count ${totals.lines}`);
    return {
      build_s: (t1 - t0) / 1000,
      bank_file_s: (t2 - t1) / 1000,
      reconcile_s: (t2 - t0) / 1000,
      lines: totals.lines,
      totalFen: Number(totals.fen),
      bankFile: file,
    };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

/** `line_id,<sealed>,rest` → `line_id,<account>,rest`: a sealed value holds no comma or quote. */
function openAccounts(csv: string): Buffer {
  const lines = csv.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l) continue;
    const a = l.indexOf(',');
    const b = l.indexOf(',', a + 1);
    lines[i] = `${l.slice(0, a + 1)}${decryptPii(l.slice(a + 1, b))}${l.slice(b)}`;
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}
