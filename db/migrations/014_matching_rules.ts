import type { Knex } from 'knex';
import { defaultMatchingRules } from '../../domain/matching.js';

// Where a referral meets the dibao case (issue 18), as settings with an effective date: the
// points of the zero-employment priority (社会救助暂行办法 §43) and what makes refused offers a
// review (§45: how many in a row, at which ages). A later row applies from its date.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('matching_rules', (t) => {
    t.increments('id');
    t.date('effective_from').notNullable().unique();
    t.integer('zero_employment_points').notNullable();
    t.integer('refusal_limit').notNullable();
    t.integer('working_age_min').notNullable();
    t.integer('working_age_max').notNullable();
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `ALTER TABLE matching_rules ADD CONSTRAINT matching_rules_sane CHECK
       (zero_employment_points BETWEEN 0 AND 100 AND refusal_limit BETWEEN 1 AND 10
        AND working_age_min >= 0 AND working_age_max >= working_age_min AND working_age_max <= 120)`,
  );
  const d = defaultMatchingRules;
  await knex('matching_rules').insert({
    effective_from: d.effectiveFrom,
    zero_employment_points: d.zeroEmploymentPoints,
    refusal_limit: d.refusalLimit,
    working_age_min: d.workingAgeMin,
    working_age_max: d.workingAgeMax,
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('matching_rules');
}
