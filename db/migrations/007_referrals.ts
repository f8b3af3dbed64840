import type { Knex } from 'knex';

// Process 2, laid-off worker referral → placement: the enterprises that refer their surplus
// staff, the seekers, the one-to-one helpers, employers and their openings, and the referral
// projection with its timeline, matches, interviews, placements and follow-ups.

const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
const stamps = (knex: Knex, t: Knex.CreateTableBuilder) => {
  ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
  ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
};

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('enterprises', (t) => {
    t.increments('id');
    t.text('name').notNullable().unique();
    t.text('credit_code');
    t.text('contact').notNullable().defaultTo('');
    stamps(knex, t);
  });

  await knex.schema.createTable('referral_batches', (t) => {
    t.increments('id');
    t.integer('enterprise_id').notNullable().references('enterprises.id');
    t.text('reference').notNullable();
    t.date('received_on').notNullable();
    t.integer('created_by').notNullable().references('users.id');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['enterprise_id', 'reference']);
  });

  await knex.schema.createTable('job_seekers', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.text('id_number').notNullable().unique(); // one person, however many referrals
    t.date('birth_date').notNullable();
    t.text('phone').notNullable().defaultTo('');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.text('education').notNullable();
    t.specificType('skills', 'text[]').notNullable().defaultTo('{}');
    t.text('experience').notNullable().defaultTo('');
    t.integer('max_hours_per_week');
    t.boolean('no_physical_work').notNullable().defaultTo(false);
    t.bigInteger('expected_wage_fen');
    t.text('constraints_note').notNullable().defaultTo('');
    stamps(knex, t);
    t.index(['community_id']);
  });

  // 一助一: each seeker gets a named helper from her community.
  await knex.schema.createTable('helpers', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.text('phone').notNullable().defaultTo('');
    t.integer('community_id').notNullable().references('org_units.id');
    t.boolean('active').notNullable().defaultTo(true);
    t.unique(['community_id', 'name']);
  });

  await knex.schema.createTable('service_points', (t) => {
    t.increments('id');
    t.text('name').notNullable().unique();
    t.integer('street_id').notNullable().references('org_units.id');
    t.date('opened_on').notNullable();
  });

  await knex.schema.createTable('employers', (t) => {
    t.increments('id');
    t.text('name').notNullable().unique();
    t.integer('street_id').notNullable().references('org_units.id');
    t.text('address').notNullable().defaultTo('');
    t.text('contact').notNullable().defaultTo('');
    t.text('phone').notNullable().defaultTo('');
    t.integer('created_by').references('users.id');
    stamps(knex, t);
  });

  await knex.schema.createTable('job_openings', (t) => {
    t.increments('id');
    t.integer('employer_id').notNullable().references('employers.id');
    t.text('title').notNullable();
    t.specificType('required_skills', 'text[]').notNullable().defaultTo('{}');
    t.specificType('preferred_skills', 'text[]').notNullable().defaultTo('{}');
    t.bigInteger('wage_min_fen').notNullable();
    t.bigInteger('wage_max_fen').notNullable();
    t.integer('street_id').notNullable().references('org_units.id');
    t.integer('hours_per_week').notNullable().defaultTo(40);
    t.boolean('physical').notNullable().defaultTo(false);
    t.integer('places_total').notNullable();
    t.integer('places_left').notNullable();
    t.text('status').notNullable().defaultTo('open').checkIn(['open', 'closed']);
    t.integer('created_by').references('users.id');
    stamps(knex, t);
    t.index(['status', 'places_left']);
  });
  // The last place is taken by exactly one placement: the decrement is guarded by this check.
  await knex.raw(
    `ALTER TABLE job_openings ADD CONSTRAINT job_openings_places CHECK (places_left >= 0 AND places_left <= places_total AND wage_min_fen >= 0 AND wage_max_fen >= wage_min_fen)`,
  );

  await knex.schema.createTable('referrals', (t) => {
    t.increments('id');
    t.integer('seeker_id').notNullable().references('job_seekers.id');
    t.integer('batch_id').references('referral_batches.id');
    t.integer('enterprise_id').notNullable().references('enterprises.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.text('stage').notNullable().defaultTo('referred');
    ts(t, 'stage_since').notNullable().defaultTo(knex.fn.now());
    ts(t, 'deadline_at'); // to be placed by
    t.boolean('overdue').notNullable().defaultTo(false);
    t.integer('helper_id').references('helpers.id');
    t.integer('service_point_id').references('service_points.id');
    t.jsonb('assessment');
    t.integer('proposed_opening_id').references('job_openings.id');
    t.specificType('declined_opening_ids', 'integer[]').notNullable().defaultTo('{}');
    ts(t, 'matched_at');
    t.text('closed_reason');
    t.text('workflow_id').notNullable().unique();
    ts(t, 'workflow_started_at');
    t.integer('created_by').notNullable().references('users.id');
    t.integer('assignee_id').references('users.id');
    stamps(knex, t);
    t.index(['stage']);
    t.index(['community_id']);
    t.index(['street_id']);
    t.index(['seeker_id']);
  });
  // A person has at most one referral in progress.
  await knex.raw(
    `CREATE UNIQUE INDEX referrals_one_open_per_seeker ON referrals (seeker_id) WHERE stage NOT IN ('closed', 'withdrawn')`,
  );

  await knex.schema.createTable('referral_events', (t) => {
    t.bigIncrements('id');
    t.integer('referral_id').notNullable().references('referrals.id');
    t.integer('seq').notNullable(); // the workflow's transition number: a retry writes nothing
    t.text('from_stage');
    t.text('to_stage').notNullable();
    t.text('decision').notNullable();
    t.integer('actor_id').references('users.id');
    t.text('actor_name');
    t.text('actor_role');
    t.text('comment').notNullable().defaultTo('');
    t.jsonb('details');
    ts(t, 'at').notNullable().defaultTo(knex.fn.now());
    t.unique(['referral_id', 'seq']);
  });

  // The latest ranking only: a re-run replaces it.
  await knex.schema.createTable('referral_matches', (t) => {
    t.bigIncrements('id');
    t.integer('referral_id').notNullable().references('referrals.id');
    t.integer('rank').notNullable();
    t.integer('opening_id').notNullable().references('job_openings.id');
    t.integer('score').notNullable();
    t.jsonb('reasons').notNullable();
    t.unique(['referral_id', 'rank']);
  });

  await knex.schema.createTable('interviews', (t) => {
    t.increments('id');
    t.integer('referral_id').notNullable().references('referrals.id');
    t.integer('seq').notNullable();
    t.integer('opening_id').notNullable().references('job_openings.id');
    ts(t, 'scheduled_at').notNullable();
    t.text('place').notNullable();
    t.text('outcome').checkIn(['hired', 'not_hired']);
    t.text('reason');
    ts(t, 'reminded_at');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['referral_id', 'seq']);
  });

  await knex.schema.createTable('placements', (t) => {
    t.increments('id');
    t.integer('referral_id').notNullable().references('referrals.id');
    t.integer('seq').notNullable();
    t.integer('seeker_id').notNullable().references('job_seekers.id');
    t.integer('opening_id').notNullable().references('job_openings.id');
    t.integer('employer_id').notNullable().references('employers.id');
    t.integer('interview_id').notNullable().unique().references('interviews.id');
    t.text('job_title').notNullable();
    t.bigInteger('wage_fen').notNullable();
    t.date('start_date').notNullable();
    t.integer('community_id').notNullable().references('org_units.id');
    t.integer('street_id').notNullable().references('org_units.id');
    t.text('status').notNullable().defaultTo('active').checkIn(['active', 'left', 'retained']);
    t.text('left_reason');
    ts(t, 'ended_at');
    t.integer('placed_by').references('users.id');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['referral_id', 'seq']);
    t.index(['street_id', 'start_date']);
  });
  await knex.raw('ALTER TABLE placements ADD CONSTRAINT placements_wage_nonneg CHECK (wage_fen >= 0)');

  await knex.schema.createTable('follow_ups', (t) => {
    t.increments('id');
    t.integer('placement_id').notNullable().references('placements.id');
    t.integer('referral_id').notNullable().references('referrals.id');
    t.integer('month').notNullable().checkIn(['1', '3', '6']);
    ts(t, 'due_at').notNullable();
    t.text('status').notNullable().defaultTo('open').checkIn(['open', 'retained', 'left', 'cancelled']);
    t.text('reason');
    t.integer('recorded_by').references('users.id');
    ts(t, 'recorded_at');
    t.unique(['placement_id', 'month']);
    t.index(['status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'follow_ups',
    'placements',
    'interviews',
    'referral_matches',
    'referral_events',
    'referrals',
    'job_openings',
    'employers',
    'service_points',
    'helpers',
    'job_seekers',
    'referral_batches',
    'enterprises',
  ]) {
    await knex.schema.dropTable(table);
  }
}
