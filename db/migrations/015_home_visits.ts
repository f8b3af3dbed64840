import type { Knex } from 'knex';
import { careFlags, concernKinds, homeVisitStatuses, visitOutcomes } from '../../domain/home-visits.js';

// Volunteers visit the households that need it (issue 18): a household's care flags (孤老,
// 重残, 重病) and when its next visit is due; one row per planned visit, tied to the volunteer
// activity it became (unique per household and due time, so a planning pass run twice plans a
// visit once); and what each volunteer recorded on it (once per sign-up).

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('households', (t) => {
    t.specificType('care_flags', 'text[]').notNullable().defaultTo('{}');
    /** When the household was first flagged: its visits count from here. */
    t.timestamp('care_flags_since', { useTz: true });
    t.timestamp('visit_next_due_at', { useTz: true });
  });
  // DDL takes no bind parameters; the values are the domain's own constants.
  await knex.raw(
    `ALTER TABLE households ADD CONSTRAINT households_care_flags CHECK (care_flags <@ ARRAY[${list(careFlags)}]::text[])`,
  );
  await knex.raw(
    'CREATE INDEX households_visit_due ON households (visit_next_due_at) WHERE cardinality(care_flags) > 0',
  );

  await knex.schema.createTable('home_visits', (t) => {
    t.increments('id');
    t.integer('household_id').notNullable().references('households.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('activity_id').notNullable().unique().references('volunteer_activities.id');
    /** The flags the visit was planned for. */
    t.specificType('flags', 'text[]').notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    /** The record window closes: an unrecorded visit is missed from then on. */
    t.timestamp('record_by', { useTz: true }).notNullable();
    t.text('status')
      .notNullable()
      .defaultTo('open')
      .checkIn([...homeVisitStatuses]);
    t.integer('missed_streak').notNullable().defaultTo(0);
    t.timestamp('settled_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['household_id', 'due_at']);
    t.index(['community_id']);
  });
  await knex.raw(`CREATE INDEX home_visits_to_settle ON home_visits (record_by) WHERE status = 'open'`);

  await knex.schema.createTable('visit_records', (t) => {
    t.increments('id');
    t.integer('home_visit_id').notNullable().references('home_visits.id');
    t.integer('assignment_id').notNullable().unique().references('volunteer_assignments.id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.text('outcome')
      .notNullable()
      .checkIn([...visitOutcomes]);
    t.text('concern_kind');
    t.text('note').notNullable().defaultTo('');
    t.integer('minutes').notNullable();
    /** The hours entry this record confirmed (null when it had been decided before). */
    t.integer('hours_id').references('volunteer_hours.id');
    t.bigInteger('task_id').references('casework_tasks.id');
    t.integer('recorded_by').references('users.id');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['home_visit_id']);
  });
  await knex.raw(
    `ALTER TABLE visit_records ADD CONSTRAINT visit_records_concern CHECK
       ((outcome = 'concern') = (concern_kind IS NOT NULL) AND (concern_kind IS NULL OR concern_kind IN (${list(concernKinds)})))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('visit_records');
  await knex.schema.dropTable('home_visits');
  await knex.raw('DROP INDEX IF EXISTS households_visit_due');
  await knex.raw('ALTER TABLE households DROP CONSTRAINT IF EXISTS households_care_flags');
  await knex.schema.alterTable('households', (t) => {
    t.dropColumn('care_flags');
    t.dropColumn('care_flags_since');
    t.dropColumn('visit_next_due_at');
  });
}
