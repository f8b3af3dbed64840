import type { DbRow } from '../row.js';
import type { Knex } from 'knex';
import { maskAccount, maskIdNumber } from '../../domain/id-number.js';
import { decryptPii, encryptPii, normalizePii, piiHash } from '../pii.js';

// ID numbers and bank accounts encrypted at rest (db/pii.ts). Each plaintext column becomes
//   <col>_enc     the sealed value (AES-256-GCM), opened only where the plaintext is needed;
//   <col>_hash    a keyed HMAC of the normalised value: equality, uniqueness, duplicates;
//   <col>_masked  what lists and pages show, so reading a list never decrypts anything.
// The plaintext column is dropped, so a use this change missed fails loudly instead of
// reading NULL. Bank files (ours and the simulated bank's copy) are sealed whole.
// audit_events is append-only and hash-chained (010): rows written before this migration
// keep whatever they held.

const BATCH = 1000;

interface PiiColumn {
  table: string;
  column: string;
  kind: 'id' | 'account';
  nullable: boolean;
}

const columns: PiiColumn[] = [
  { table: 'household_members', column: 'id_number', kind: 'id', nullable: false },
  { table: 'households', column: 'bank_account', kind: 'account', nullable: true },
  { table: 'job_seekers', column: 'id_number', kind: 'id', nullable: false },
  { table: 'volunteers', column: 'id_number', kind: 'id', nullable: false },
];

const mask = (kind: PiiColumn['kind'], v: string) => (kind === 'id' ? maskIdNumber(v) : maskAccount(v));

/** Rows of `table` in id order, `BATCH` at a time (keyset, so each batch is an index range). */
async function eachBatch(
  knex: Knex,
  table: string,
  select: string[],
  where: (qb: Knex.QueryBuilder) => void,
  fn: (rows: DbRow[]) => Promise<void>,
): Promise<void> {
  let last: string | number = 0;
  for (;;) {
    const rows: DbRow[] = await knex(table)
      .where('id', '>', last)
      .modify(where)
      .orderBy('id')
      .limit(BATCH)
      .select('id', ...select);
    if (!rows.length) return;
    await fn(rows);
    last = rows[rows.length - 1].id;
  }
}

/** One UPDATE per batch, the new values joined in as a JSON recordset. */
async function updateBatch(
  knex: Knex,
  table: string,
  rows: Record<string, unknown>[],
  types: Record<string, string>,
): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(types);
  await knex.raw(
    `UPDATE ?? AS t SET ${cols.map((c) => `"${c}" = v."${c}"`).join(', ')}
       FROM jsonb_to_recordset(?::jsonb) AS v(id bigint, ${cols.map((c) => `"${c}" ${types[c]}`).join(', ')})
      WHERE t.id = v.id`,
    [table, JSON.stringify(rows)],
  );
}

export async function up(knex: Knex): Promise<void> {
  for (const { table, column, kind, nullable } of columns) {
    await knex.schema.alterTable(table, (t) => {
      t.text(`${column}_enc`);
      t.text(`${column}_hash`);
      t.text(`${column}_masked`);
    });
    await eachBatch(
      knex,
      table,
      [column],
      (qb) => qb.whereNotNull(column),
      async (rows) => {
        const out = rows.map((r) => {
          const v = kind === 'id' ? normalizePii(r[column]) : String(r[column]).trim();
          return {
            id: r.id,
            [`${column}_enc`]: encryptPii(v),
            [`${column}_hash`]: piiHash(v),
            [`${column}_masked`]: mask(kind, v),
          };
        });
        await updateBatch(knex, table, out, {
          [`${column}_enc`]: 'text',
          [`${column}_hash`]: 'text',
          [`${column}_masked`]: 'text',
        });
      },
    );
    if (!nullable) {
      await knex.raw(
        `ALTER TABLE ?? ALTER COLUMN ?? SET NOT NULL, ALTER COLUMN ?? SET NOT NULL, ALTER COLUMN ?? SET NOT NULL`,
        [table, `${column}_enc`, `${column}_hash`, `${column}_masked`],
      );
    }
    // Dropping the column drops its indexes and constraints (job_seekers' unique, volunteers_one_per_person).
    await knex.schema.alterTable(table, (t) => t.dropColumn(column));
  }
  await knex.raw('CREATE INDEX household_members_id_number_hash_index ON household_members (id_number_hash)');
  await knex.raw('ALTER TABLE job_seekers ADD CONSTRAINT job_seekers_id_number_hash_unique UNIQUE (id_number_hash)');
  await knex.raw(
    `CREATE UNIQUE INDEX volunteers_one_per_person ON volunteers (id_number_hash) WHERE stage <> 'rejected'`,
  );

  // Payment lines carry the household's account as it was when the line was built. A line
  // built without one keeps account_enc NULL and account_masked '' (failure 'no_account').
  await knex.schema.alterTable('payments', (t) => {
    t.text('account_enc');
    t.text('account_masked').notNullable().defaultTo('');
  });
  await eachBatch(
    knex,
    'payments',
    ['account'],
    (qb) => qb.whereNot('account', ''),
    async (rows) => {
      const out = rows.map((r) => ({
        id: r.id,
        account_enc: encryptPii(r.account),
        account_masked: maskAccount(r.account),
      }));
      await updateBatch(knex, 'payments', out, { account_enc: 'text', account_masked: 'text' });
    },
  );
  await knex.schema.alterTable('payments', (t) => t.dropColumn('account'));

  // Whole files, sealed as one value each (a month's file is one row).
  for (const [table, key] of [
    ['bank_files', ['run_id', 'seq']],
    ['sim_bank_batches', ['batch_id']],
  ] as const) {
    await knex.schema.alterTable(table, (t) => t.text('content_enc'));
    for (const row of await knex(table).select(...key)) {
      const where = Object.fromEntries(key.map((k) => [k, row[k]]));
      const { content } = await knex(table).where(where).first('content');
      await knex(table)
        .where(where)
        .update({ content_enc: encryptPii(content) });
    }
    await knex.raw('ALTER TABLE ?? ALTER COLUMN content_enc SET NOT NULL', [table]);
    await knex.schema.alterTable(table, (t) => t.dropColumn('content'));
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, key] of [
    ['bank_files', ['run_id', 'seq']],
    ['sim_bank_batches', ['batch_id']],
  ] as const) {
    await knex.schema.alterTable(table, (t) => t.text('content'));
    for (const row of await knex(table).select(...key)) {
      const where = Object.fromEntries(key.map((k) => [k, row[k]]));
      const { content_enc } = await knex(table).where(where).first('content_enc');
      await knex(table)
        .where(where)
        .update({ content: decryptPii(content_enc) });
    }
    await knex.raw('ALTER TABLE ?? ALTER COLUMN content SET NOT NULL', [table]);
    await knex.schema.alterTable(table, (t) => t.dropColumn('content_enc'));
  }

  await knex.schema.alterTable('payments', (t) => t.text('account').notNullable().defaultTo(''));
  await eachBatch(
    knex,
    'payments',
    ['account_enc'],
    (qb) => qb.whereNotNull('account_enc'),
    async (rows) => {
      await updateBatch(
        knex,
        'payments',
        rows.map((r) => ({ id: r.id, account: decryptPii(r.account_enc) })),
        { account: 'text' },
      );
    },
  );
  await knex.raw('ALTER TABLE payments ALTER COLUMN account DROP DEFAULT');
  await knex.schema.alterTable('payments', (t) => {
    t.dropColumn('account_enc');
    t.dropColumn('account_masked');
  });

  await knex.raw('DROP INDEX volunteers_one_per_person');
  for (const { table, column, nullable } of columns) {
    await knex.schema.alterTable(table, (t) => t.text(column));
    await eachBatch(
      knex,
      table,
      [`${column}_enc`],
      (qb) => qb.whereNotNull(`${column}_enc`),
      async (rows) => {
        await updateBatch(
          knex,
          table,
          rows.map((r) => ({ id: r.id, [column]: decryptPii(r[`${column}_enc`]) })),
          { [column]: 'text' },
        );
      },
    );
    if (!nullable) await knex.raw('ALTER TABLE ?? ALTER COLUMN ?? SET NOT NULL', [table, column]);
    // Dropping the hash column drops the indexes and constraint built on it.
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn(`${column}_enc`);
      t.dropColumn(`${column}_hash`);
      t.dropColumn(`${column}_masked`);
    });
  }
  // As 004, 007 and 008 made them.
  await knex.schema.alterTable('household_members', (t) => t.index(['id_number']));
  await knex.schema.alterTable('job_seekers', (t) => t.unique(['id_number']));
  await knex.raw(`CREATE UNIQUE INDEX volunteers_one_per_person ON volunteers (id_number) WHERE stage <> 'rejected'`);
}
