import type { Knex } from 'knex';
import { defaultEmploymentIncomeRules } from '../../domain/employment-income.js';

// Employment income reaching the dibao case (issue 18): the bureau's effective-dated rules for
// counting a wage; one row per income event a placement or follow-up sends (its event id is the
// key that makes a resend harmless, and the invariant queries count these rows); fixed 渐退
// amounts on enrollment terms, copied onto the payment lines they produce; and caseworker tasks
// that are not a case stage (inviting a household that left through work to re-apply, a review
// after refused offers, what a volunteer's visit found).

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('employment_income_rules', (t) => {
    t.increments('id');
    t.date('effective_from').notNullable().unique();
    t.text('deduction_kind').notNullable().checkIn(['fixed', 'share']);
    /** Fen for a fixed deduction, percent for a share. */
    t.integer('deduction_value').notNullable();
    t.integer('exit_ceiling_percent').notNullable();
    t.integer('gradual_months').notNullable();
    t.boolean('step_down').notNullable().defaultTo(false);
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `ALTER TABLE employment_income_rules ADD CONSTRAINT employment_income_rules_sane CHECK
       (deduction_value >= 0 AND (deduction_kind = 'fixed' OR deduction_value <= 100)
        AND exit_ceiling_percent >= 100 AND gradual_months BETWEEN 1 AND 24)`,
  );
  const d = defaultEmploymentIncomeRules;
  await knex('employment_income_rules').insert({
    effective_from: d.effectiveFrom,
    deduction_kind: d.deduction.kind,
    deduction_value: d.deduction.kind === 'fixed' ? d.deduction.fen : d.deduction.percent,
    exit_ceiling_percent: d.exitCeilingPercent,
    gradual_months: d.gradualMonths,
    step_down: d.stepDown,
  });

  await knex.schema.createTable('income_events', (t) => {
    t.bigIncrements('id');
    t.text('event_id').notNullable().unique();
    t.text('kind').notNullable().checkIn(['placed', 'retained', 'wage_changed', 'left']);
    t.integer('application_id').notNullable().references('applications.id');
    t.integer('household_id').notNullable().references('households.id');
    t.integer('member_id').notNullable().references('household_members.id');
    t.integer('placement_id').notNullable().references('placements.id');
    t.integer('referral_id').notNullable().references('referrals.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.bigInteger('wage_fen').notNullable();
    /** sent by the referral; reviewed once the case opened its review; noted when no review was needed; decided. */
    t.text('status').notNullable().defaultTo('sent').checkIn(['sent', 'reviewed', 'noted', 'decided']);
    t.jsonb('proposal');
    t.text('outcome');
    t.integer('decided_seq');
    t.timestamp('occurred_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['application_id']);
    t.index(['household_id']);
  });

  await knex.schema.alterTable('enrollment_terms', (t) => {
    /** A 渐退 month pays this amount whatever the formula gives. */
    t.bigInteger('fixed_amount_fen');
    t.text('note');
  });
  await knex.schema.alterTable('payments', (t) => t.text('note'));
  await knex.schema.alterTable('follow_ups', (t) => t.bigInteger('wage_fen'));
  await knex.schema.alterTable('applications', (t) => {
    t.jsonb('income_review');
    t.jsonb('gradual_exit');
  });

  await knex.schema.createTable('casework_tasks', (t) => {
    t.bigIncrements('id');
    // reapply_invitation (主动发现), refusal_review (§45), visit_concern / visit_missed (volunteer visits).
    t.text('kind').notNullable().checkIn(['reapply_invitation', 'refusal_review', 'visit_concern', 'visit_missed']);
    /** What raised it, once: a second raise of the same key is the same task. */
    t.text('source_key').notNullable().unique();
    t.integer('household_id').notNullable().references('households.id');
    t.integer('application_id').references('applications.id');
    t.integer('community_id').notNullable().references('org_units.id');
    t.text('title').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.text('status').notNullable().defaultTo('open').checkIn(['open', 'done']);
    t.text('outcome');
    t.integer('done_by').references('users.id');
    t.timestamp('done_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['community_id', 'status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('casework_tasks');
  await knex.schema.alterTable('applications', (t) => {
    t.dropColumn('income_review');
    t.dropColumn('gradual_exit');
  });
  await knex.schema.alterTable('follow_ups', (t) => t.dropColumn('wage_fen'));
  await knex.schema.alterTable('payments', (t) => t.dropColumn('note'));
  await knex.schema.alterTable('enrollment_terms', (t) => {
    t.dropColumn('fixed_amount_fen');
    t.dropColumn('note');
  });
  await knex.schema.dropTable('income_events');
  await knex.schema.dropTable('employment_income_rules');
}
