import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('households', (t) => {
    t.increments('id');
    t.text('head_name').notNullable();
    t.text('address').notNullable();
    t.integer('community_id').notNullable().references('org_units.id');
    t.text('category').notNullable().checkIn(['A', 'B', 'C']);
    t.text('bank_account');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['community_id']);
  });

  await knex.schema.createTable('household_members', (t) => {
    t.increments('id');
    t.integer('household_id').notNullable().references('households.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('id_number').notNullable();
    t.text('relation').notNullable();
    t.date('birth_date').notNullable();
    t.boolean('disabled').notNullable().defaultTo(false);
    t.bigInteger('monthly_income_fen').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['household_id']);
    t.index(['id_number']);
  });
  await knex.raw(
    'ALTER TABLE household_members ADD CONSTRAINT household_members_income_nonneg CHECK (monthly_income_fen >= 0)',
  );

  await knex.schema.createTable('applications', (t) => {
    t.increments('id');
    t.integer('household_id').notNullable().references('households.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.text('stage').notNullable().defaultTo('submitted');
    t.text('workflow_id').notNullable().unique();
    t.integer('submitted_by').notNullable().references('users.id');
    t.integer('assignee_id').references('users.id');
    t.timestamp('stage_since', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deadline_at', { useTz: true });
    t.boolean('overdue').notNullable().defaultTo(false);
    t.timestamp('workflow_started_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['stage']);
    t.index(['community_id']);
    t.index(['street_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('applications');
  await knex.schema.dropTable('household_members');
  await knex.schema.dropTable('households');
}
