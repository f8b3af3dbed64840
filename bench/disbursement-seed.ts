import type { Knex } from 'knex';
import { standardInForce } from '../db/allowance-standards.js';
import { cutoffOf, nextPeriod } from '../domain/disbursement.js';
import { maskAccount } from '../domain/id-number.js';
import { PII_CHUNK, piiArrays } from './pii-columns.js';

// N enrolled households for a period, written by a handful of `INSERT … SELECT generate_series`
// statements (a million in well under a minute): households spread over every community, the
// application row the enrollment's foreign key needs, the enrollment and its terms. No members:
// the build reads members and income from the term. Shaped so every rule of the build is
// exercised: 1 in 100 suspended and 1 in 100 terminated at cut-off (no line), 1 in 100 with a
// raise that starts only next month (old amount), 1 in 97 topped up to the floor.

export interface BulkSeed {
  /** Ids are `base + 1 … base + n` in households, applications and enrollments alike. */
  base: number;
  n: number;
  /** Enrollments that must get a line, and what they are due (from the stored term amounts). */
  expectedLines: number;
  expectedFen: number;
}

export async function seedBulkEnrollments(
  db: Knex,
  opts: { households: number; period: string; label?: string },
): Promise<BulkSeed> {
  const cutoff = cutoffOf(opts.period);
  const later = cutoffOf(nextPeriod(opts.period));
  const std = await standardInForce(db, cutoff);
  const label = opts.label ?? 'bench';
  return db.transaction(async (trx) => {
    await trx.raw('SET LOCAL synchronous_commit = off');
    // One seeder at a time per database; ids are taken past everything there.
    await trx.raw('LOCK TABLE households, applications, enrollments IN EXCLUSIVE MODE');
    const {
      rows: [m],
    } = await trx.raw(
      `SELECT greatest((SELECT coalesce(max(id), 0) FROM households), (SELECT coalesce(max(id), 0) FROM applications), (SELECT coalesce(max(id), 0) FROM enrollments))::int AS base`,
    );
    const base: number = m.base;
    const submitter = await trx('users').where({ username: 'supervisor1' }).first('id');
    const params = {
      base,
      n: opts.households,
      std: std.standardFen,
      floor: std.floorPerPersonFen,
      from: '2025-07-01',
      cutoff,
      later,
      submitter: submitter.id,
      label,
    };

    // Per g: community (round robin), members 1–4, income; g % 97 = 0 leaves a gap of 10 fen so the floor applies.
    const shape = `
      WITH c AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(parent_id ORDER BY id) AS streets FROM org_units WHERE kind = 'community'),
           s AS (SELECT g, :base::int + g AS id, c.ids[1 + g % cardinality(c.ids)] AS community_id, c.streets[1 + g % cardinality(c.ids)] AS street_id,
                        1 + g % 4 AS members,
                        CASE WHEN g % 97 = 0 THEN :std::bigint * (1 + g % 4) - 10 ELSE 10000 * (g % 7) END AS income
                   FROM generate_series(1, :n::int) g, c)`;
    const amount = (income: string, members: string) =>
      `GREATEST(:std::bigint * ${members} - ${income}, :floor::bigint * ${members})`;
    // Accounts are sealed in Node, a chunk of households per statement (g = lo … lo + chunk − 1).
    for (let lo = 1; lo <= opts.households; lo += PII_CHUNK) {
      const accounts = Array.from(
        { length: Math.min(PII_CHUNK, opts.households - lo + 1) },
        (_, i) => `62220${String(lo + i).padStart(11, '0')}`,
      );
      const a = piiArrays(accounts, maskAccount);
      await trx.raw(
        `WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM org_units WHERE kind = 'community'),
              a AS (SELECT :lo::int - 1 + k::int AS g, enc, hash, masked FROM unnest(:enc::text[], :hash::text[], :masked::text[]) WITH ORDINALITY AS u(enc, hash, masked, k))
         INSERT INTO households (id, head_name, address, community_id, category, bank_account_enc, bank_account_hash, bank_account_masked)
         SELECT :base::int + g, '户主' || g, '海陵区测试路' || g || '号', c.ids[1 + g % cardinality(c.ids)], (ARRAY['A','B','C'])[1 + g % 3], enc, hash, masked FROM a, c`,
        { lo, base, enc: a.enc, hash: a.hash, masked: a.masked },
      );
    }
    await trx.raw(
      `${shape} INSERT INTO applications (id, household_id, community_id, street_id, stage, workflow_id, submitted_by, workflow_started_at)
       SELECT id, id, community_id, street_id, 'enrolled', :label || '-' || id, :submitter, now() FROM s`,
      params,
    );
    await trx.raw(
      `${shape} INSERT INTO enrollments (id, application_id, household_id, community_id, street_id, category, amount_fen, members, status, effective_from)
       SELECT id, id, id, community_id, street_id, (ARRAY['A','B','C'])[1 + g % 3], ${amount('income', 'members')}, members,
              CASE g % 100 WHEN 1 THEN 'suspended' WHEN 2 THEN 'terminated' ELSE 'active' END, :from FROM s`,
      params,
    );
    // The first term of every enrollment, then the later ones: suspended or terminated from the
    // cut-off, and a raise (less income) that starts the month after.
    await trx.raw(
      `${shape} INSERT INTO enrollment_terms (enrollment_id, effective_from, status, amount_fen, members, total_income_fen, calculation, reason)
       SELECT id, :from::date, 'active', ${amount('income', 'members')}, members, income, '{"seeded":"bench"}'::jsonb, 'seeded' FROM s
       UNION ALL
       SELECT id, :cutoff::date, CASE g % 100 WHEN 1 THEN 'suspended' ELSE 'terminated' END, ${amount('income', 'members')}, members, income, '{"seeded":"bench"}'::jsonb, 'seeded' FROM s WHERE g % 100 IN (1, 2)
       UNION ALL
       SELECT id, :later::date, 'active', ${amount('0', 'members')}, members, 0, '{"seeded":"bench"}'::jsonb, 'seeded' FROM s WHERE g % 100 = 3`,
      params,
    );
    for (const t of ['households', 'applications', 'enrollments'])
      await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), ?)`, [t, base + opts.households]);

    const {
      rows: [e],
    } = await trx.raw(
      `SELECT count(*)::int AS lines, coalesce(sum(t.amount_fen), 0)::bigint AS fen
         FROM enrollment_terms t
        WHERE t.enrollment_id BETWEEN :lo AND :hi AND t.status = 'active'
          AND t.effective_from = (SELECT max(effective_from) FROM enrollment_terms x WHERE x.enrollment_id = t.enrollment_id AND x.effective_from <= :cutoff)`,
      { lo: base + 1, hi: base + opts.households, cutoff },
    );
    return { base, n: opts.households, expectedLines: e.lines, expectedFen: Number(e.fen) };
  });
}
