import type { Knex } from 'knex';

// Process 3, volunteers: the volunteer projection with its timeline, teams and members,
// activities with places, assignments, hours entries and star recognitions; and the team
// leader role, who confirms the hours of his team's activities.

const roles = ['caseworker', 'street_reviewer', 'district_approver', 'finance', 'supervisor', 'admin'];
const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

async function setRoles(knex: Knex, allowed: string[]): Promise<void> {
  const { rows } = await knex.raw(
    `SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%role%'`,
  );
  for (const r of rows) await knex.raw('ALTER TABLE users DROP CONSTRAINT ??', [r.conname]);
  // DDL takes no bind parameters; the role names are this file's own constants.
  await knex.raw(
    `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${allowed.map((r) => `'${r}'`).join(', ')}))`,
  );
}

export async function up(knex: Knex): Promise<void> {
  await setRoles(knex, [...roles, 'team_leader']);

  await knex.schema.createTable('volunteers', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.text('id_number').notNullable();
    t.date('birth_date').notNullable();
    t.text('phone').notNullable().defaultTo('');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.specificType('skills', 'text[]').notNullable().defaultTo('{}');
    t.text('availability').notNullable().defaultTo('');
    t.boolean('party_member').notNullable().defaultTo(false);
    t.text('guardian_name');
    ts(t, 'guardian_consent_at');
    t.boolean('serves_vulnerable').notNullable().defaultTo(false);
    t.text('suitability').notNullable().defaultTo('not_needed');
    ts(t, 'suitability_checked_at');
    t.text('stage').notNullable().defaultTo('registered');
    ts(t, 'stage_since').notNullable().defaultTo(knex.fn.now());
    ts(t, 'deadline_at');
    t.boolean('overdue').notNullable().defaultTo(false);
    t.bigInteger('confirmed_minutes').notNullable().defaultTo(0);
    t.integer('star_level').notNullable().defaultTo(0);
    ts(t, 'last_hours_at');
    ts(t, 'reconfirm_due_at');
    t.boolean('reminder_due').notNullable().defaultTo(false);
    t.text('closed_reason');
    t.text('workflow_id').notNullable().unique();
    ts(t, 'workflow_started_at');
    t.integer('created_by').notNullable().references('users.id');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
    t.index(['stage']);
    t.index(['community_id']);
  });
  // One registration per person: a rejected one may register again.
  await knex.raw(`CREATE UNIQUE INDEX volunteers_one_per_person ON volunteers (id_number) WHERE stage <> 'rejected'`);

  await knex.schema.createTable('volunteer_events', (t) => {
    t.bigIncrements('id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.integer('seq').notNullable();
    t.text('from_stage');
    t.text('to_stage').notNullable();
    t.text('decision').notNullable();
    t.integer('actor_id').references('users.id');
    t.text('actor_name');
    t.text('actor_role');
    t.text('comment').notNullable().defaultTo('');
    t.jsonb('details');
    ts(t, 'at').notNullable().defaultTo(knex.fn.now());
    t.unique(['volunteer_id', 'seq']);
  });

  await knex.schema.createTable('volunteer_teams', (t) => {
    t.increments('id');
    t.text('name').notNullable().unique();
    t.integer('community_id').notNullable().references('org_units.id');
    t.text('kind').notNullable();
    t.integer('leader_user_id').references('users.id');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('team_members', (t) => {
    t.integer('team_id').notNullable().references('volunteer_teams.id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    ts(t, 'joined_at').notNullable().defaultTo(knex.fn.now());
    t.primary(['team_id', 'volunteer_id']);
  });

  await knex.schema.createTable('volunteer_activities', (t) => {
    t.increments('id');
    t.integer('team_id').notNullable().references('volunteer_teams.id');
    t.text('title').notNullable();
    ts(t, 'starts_at').notNullable();
    ts(t, 'ends_at').notNullable();
    t.text('place').notNullable();
    t.integer('places_total').notNullable();
    t.integer('places_left').notNullable();
    t.specificType('required_skills', 'text[]').notNullable().defaultTo('{}');
    t.boolean('serves_vulnerable').notNullable().defaultTo(false);
    t.text('status').notNullable().defaultTo('open').checkIn(['open', 'cancelled']);
    t.integer('created_by').references('users.id');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.index(['starts_at']);
  });
  await knex.raw(
    'ALTER TABLE volunteer_activities ADD CONSTRAINT volunteer_activities_places CHECK (places_left >= 0 AND places_left <= places_total AND ends_at > starts_at)',
  );

  await knex.schema.createTable('volunteer_assignments', (t) => {
    t.increments('id');
    t.integer('activity_id').notNullable().references('volunteer_activities.id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.integer('seq').notNullable(); // the volunteer workflow's transition: a retry adds nothing
    t.text('status').notNullable().defaultTo('assigned').checkIn(['assigned', 'cancelled']);
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['activity_id', 'volunteer_id']);
    t.unique(['volunteer_id', 'seq']);
  });

  await knex.schema.createTable('volunteer_hours', (t) => {
    t.increments('id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.integer('activity_id').notNullable().references('volunteer_activities.id');
    t.integer('assignment_id').notNullable().unique().references('volunteer_assignments.id'); // one entry per assignment
    t.integer('minutes').notNullable();
    t.text('status').notNullable().defaultTo('pending').checkIn(['pending', 'confirmed', 'rejected']);
    t.integer('logged_by').references('users.id');
    ts(t, 'logged_at').notNullable().defaultTo(knex.fn.now());
    t.integer('decided_by').references('users.id');
    ts(t, 'decided_at');
    t.text('reason');
    t.index(['status']);
  });
  await knex.raw('ALTER TABLE volunteer_hours ADD CONSTRAINT volunteer_hours_positive CHECK (minutes > 0)');

  await knex.schema.createTable('volunteer_recognitions', (t) => {
    t.increments('id');
    t.integer('volunteer_id').notNullable().references('volunteers.id');
    t.integer('level').notNullable();
    t.bigInteger('confirmed_minutes').notNullable();
    ts(t, 'reached_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['volunteer_id', 'level']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'volunteer_recognitions',
    'volunteer_hours',
    'volunteer_assignments',
    'volunteer_activities',
    'team_members',
    'volunteer_teams',
    'volunteer_events',
    'volunteers',
  ])
    await knex.schema.dropTable(table);
  await knex('users').where({ role: 'team_leader' }).delete();
  await setRoles(knex, roles);
}
