import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('org_units', (t) => {
    t.increments('id');
    t.integer('parent_id').references('org_units.id');
    t.text('kind').notNullable().checkIn(['district', 'street', 'town', 'community']);
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    // Materialized path ('/1/4/23/') so "this unit and everything under it" is one indexed LIKE.
    t.text('path').notNullable().unique();
    t.integer('residents');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('CREATE INDEX org_units_path_prefix ON org_units (path text_pattern_ops)');

  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.text('username').notNullable().unique();
    t.text('display_name').notNullable();
    t.text('role')
      .notNullable()
      .checkIn(['caseworker', 'street_reviewer', 'district_approver', 'finance', 'supervisor', 'admin']);
    t.integer('org_unit_id').notNullable().references('org_units.id');
    t.text('password_hash').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('sessions', (t) => {
    // Only a hash of the bearer token is stored: a leaked table does not log anyone in.
    t.text('token_hash').primary();
    t.integer('user_id').notNullable().references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
  await knex.schema.dropTable('org_units');
}
