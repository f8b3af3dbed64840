import type { Knex } from 'knex';

// The rest of the dibao case: effective-dated standards, the verification and review results,
// one decision row per transition, enrollments with their dated terms, and notifications.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('allowance_standards', (t) => {
    t.increments('id');
    t.date('effective_from').notNullable().unique();
    t.bigInteger('standard_fen').notNullable();
    t.bigInteger('floor_per_person_fen').notNullable();
    t.text('note').notNullable().defaultTo('');
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    'ALTER TABLE allowance_standards ADD CONSTRAINT allowance_standards_positive CHECK (standard_fen > 0 AND floor_per_person_fen >= 0 AND floor_per_person_fen <= standard_fen)',
  );

  await knex.schema.alterTable('household_members', (t) => {
    t.bigInteger('verified_income_fen'); // from the home visit or the latest re-check
    t.boolean('left_household').notNullable().defaultTo(false);
  });

  await knex.schema.alterTable('applications', (t) => {
    t.bigInteger('proposed_amount_fen');
    t.jsonb('calculation'); // inputs, formula and result, so anyone can see why
    t.jsonb('duplicates'); // other active cases holding one of this household's ID numbers
    t.jsonb('duplicate_override'); // supervisor, reason, time
    t.jsonb('home_visit');
    t.integer('objection_count').notNullable().defaultTo(0);
    t.text('closed_reason');
    t.index(['overdue']);
    t.index(['deadline_at']);
  });

  await knex.schema.createTable('decisions', (t) => {
    t.bigIncrements('id');
    t.integer('application_id').notNullable().references('applications.id');
    // The workflow numbers its transitions: a retried activity finds its row and adds none.
    t.integer('seq').notNullable();
    t.text('from_stage');
    t.text('to_stage').notNullable();
    t.text('decision').notNullable();
    t.integer('actor_id').references('users.id');
    t.text('actor_name');
    t.text('actor_role');
    t.text('comment').notNullable().defaultTo('');
    t.jsonb('details');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['application_id', 'seq']);
  });

  await knex.schema.createTable('enrollments', (t) => {
    t.increments('id');
    t.integer('application_id').notNullable().unique().references('applications.id');
    t.integer('household_id').notNullable().references('households.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.text('category').notNullable().checkIn(['A', 'B', 'C']);
    t.bigInteger('amount_fen').notNullable(); // the amount of the latest term
    t.integer('members').notNullable();
    t.text('status').notNullable().checkIn(['active', 'suspended', 'terminated']);
    t.date('effective_from').notNullable();
    t.date('effective_to'); // last day paid, once terminated
    t.timestamp('next_recheck_at', { useTz: true });
    t.boolean('recheck_due').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['status']);
    t.index(['community_id']);
    t.index(['street_id']);
  });
  await knex.raw('ALTER TABLE enrollments ADD CONSTRAINT enrollments_amount_nonneg CHECK (amount_fen >= 0)');

  // What the household is due from a date on: a new amount or status never rewrites a month
  // already paid, it adds a term starting next month. Disbursement reads the term in force.
  await knex.schema.createTable('enrollment_terms', (t) => {
    t.bigIncrements('id');
    t.integer('enrollment_id').notNullable().references('enrollments.id');
    t.date('effective_from').notNullable();
    t.text('status').notNullable().checkIn(['active', 'suspended', 'terminated']);
    t.bigInteger('amount_fen').notNullable();
    t.integer('members').notNullable();
    t.bigInteger('total_income_fen').notNullable();
    t.jsonb('calculation').notNullable();
    t.text('reason').notNullable().defaultTo('');
    t.integer('decision_seq');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['enrollment_id', 'effective_from']);
  });

  await knex.schema.createTable('notifications', (t) => {
    t.bigIncrements('id');
    t.text('dedupe_key').notNullable().unique();
    t.text('kind').notNullable();
    t.text('audience_role').notNullable();
    t.integer('org_unit_id').references('org_units.id');
    t.text('entity_type').notNullable();
    t.text('entity_id').notNullable();
    t.text('message').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.index(['audience_role', 'created_at']);
  });

  // Taizhou-like urban standards; a later row applies from its date without a deploy.
  await knex('allowance_standards').insert([
    { effective_from: '2024-07-01', standard_fen: 86000, floor_per_person_fen: 3000, note: '2024年城乡低保标准' },
    { effective_from: '2025-07-01', standard_fen: 89000, floor_per_person_fen: 3000, note: '2025年城乡低保标准' },
  ]);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['notifications', 'enrollment_terms', 'enrollments', 'decisions', 'allowance_standards'])
    await knex.schema.dropTable(table);
  await knex.schema.alterTable('applications', (t) => {
    for (const c of [
      'proposed_amount_fen',
      'calculation',
      'duplicates',
      'duplicate_override',
      'home_visit',
      'objection_count',
      'closed_reason',
    ])
      t.dropColumn(c);
  });
  await knex.schema.alterTable('household_members', (t) => {
    t.dropColumn('verified_income_fen');
    t.dropColumn('left_household');
  });
}
