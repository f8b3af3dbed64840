import type { Knex } from 'knex';

// Monthly disbursement: one run per period, one payment line per enrollment and period (the
// unique index is what makes a rebuilt page harmless), bank files kept with their checksum, and
// the simulated bank's own record of what it was sent.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('disbursement_runs', (t) => {
    t.increments('id');
    t.text('period').notNullable().unique(); // YYYY-MM
    t.date('cutoff_date').notNullable();
    t.text('workflow_id').notNullable().unique();
    t.text('phase').notNullable().defaultTo('building');
    t.text('trigger').notNullable(); // schedule | manual
    t.integer('started_by').references('users.id');
    t.integer('pages_total').notNullable().defaultTo(0);
    t.integer('pages_done').notNullable().defaultTo(0);
    t.integer('lines').notNullable().defaultTo(0);
    t.bigInteger('total_fen').notNullable().defaultTo(0);
    t.integer('lines_paid').notNullable().defaultTo(0);
    t.integer('lines_failed').notNullable().defaultTo(0);
    t.timestamp('signoff_deadline_at', { useTz: true });
    t.integer('approved_by').references('users.id');
    t.timestamp('approved_at', { useTz: true });
    t.text('rejected_reason');
    t.jsonb('check_report');
    t.jsonb('report');
    t.boolean('overdue').notNullable().defaultTo(false);
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('phase_since', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('completed_at', { useTz: true });
  });

  await knex.schema.createTable('payments', (t) => {
    t.bigIncrements('id');
    t.integer('run_id').notNullable().references('disbursement_runs.id');
    t.text('period').notNullable();
    t.integer('enrollment_id').notNullable().references('enrollments.id');
    t.integer('household_id').notNullable().references('households.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.text('kind').notNullable().checkIn(['regular', 'arrears', 'reissue']);
    t.bigInteger('amount_fen').notNullable();
    // How the amount came about: standard in force at cut-off, the term's income and members.
    t.bigInteger('standard_fen').notNullable();
    t.bigInteger('floor_per_person_fen').notNullable();
    t.bigInteger('total_income_fen').notNullable();
    t.integer('members').notNullable();
    t.text('account').notNullable();
    t.text('account_name').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.text('failure_reason');
    t.bigInteger('reissue_of').references('payments.id');
    t.bigInteger('arrears_of').references('payments.id');
    t.integer('bank_file_seq');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['run_id', 'status']);
    t.index(['street_id']);
    t.index(['community_id']);
  });
  await knex.raw('ALTER TABLE payments ADD CONSTRAINT payments_amount_positive CHECK (amount_fen > 0)');
  // Exactly one regular line per enrollment and period; a failed line is re-issued once and
  // carried once, never both (the status moves to one or the other under a row lock).
  await knex.raw(`CREATE UNIQUE INDEX payments_one_regular ON payments (enrollment_id, period) WHERE kind = 'regular'`);
  await knex.raw('CREATE UNIQUE INDEX payments_one_reissue ON payments (reissue_of) WHERE reissue_of IS NOT NULL');
  await knex.raw('CREATE UNIQUE INDEX payments_one_arrears ON payments (arrears_of) WHERE arrears_of IS NOT NULL');

  await knex.schema.createTable('run_totals', (t) => {
    t.integer('run_id').notNullable().references('disbursement_runs.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('lines').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.primary(['run_id', 'community_id']);
  });

  await knex.schema.createTable('bank_files', (t) => {
    t.integer('run_id').notNullable().references('disbursement_runs.id');
    t.integer('seq').notNullable(); // 1: the month's file; 2…: re-issues
    t.text('content').notNullable();
    t.text('sha256').notNullable();
    t.integer('lines').notNullable();
    t.bigInteger('total_fen').notNullable();
    t.text('batch_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['run_id', 'seq']);
  });

  await knex.schema.createTable('sim_bank_batches', (t) => {
    t.text('batch_id').primary();
    t.text('content').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
  });

  // Supporting the build: the term in force on a date, found by index.
  await knex.raw('CREATE INDEX enrollment_terms_lookup ON enrollment_terms (enrollment_id, effective_from DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS enrollment_terms_lookup');
  for (const table of ['sim_bank_batches', 'bank_files', 'run_totals', 'payments', 'disbursement_runs'])
    await knex.schema.dropTable(table);
}
