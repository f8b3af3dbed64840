import type { Knex } from 'knex';
import { closedBenefitStages } from '../../domain/benefit-stages.js';
import { closedReferralStages } from '../../domain/referral-stages.js';
import { closedVolunteerStages } from '../../domain/volunteer-stages.js';
import { FAILING_ACTIVITY_ATTEMPT } from '../../domain/stuck.js';

// Supervision: what the worker and the watcher report about workflows (failing activities,
// failing workflow tasks, drift between the projection and the workflow), kept as history once
// resolved; and the views the stuck list reads, so its SQL is the same for the API and for
// the benchmark's floor.

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('workflow_alerts', (t) => {
    t.bigIncrements('id');
    t.text('workflow_id').notNullable();
    t.text('reason').notNullable().checkIn(['failing_activity', 'failing_workflow_task', 'drift']);
    t.text('kind'); // parsed from the workflow id; null for workflows that are not cases
    /** The failing activity's id; '' for the other reasons, so one open alert per reason. */
    t.text('activity_id').notNullable().defaultTo('');
    t.text('activity_type');
    t.integer('attempts');
    t.text('last_error');
    t.text('detail');
    t.timestamp('detected_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('resolved_at', { useTz: true });
    t.text('resolution');
  });
  await knex.raw(
    'CREATE UNIQUE INDEX workflow_alerts_open ON workflow_alerts (workflow_id, reason, activity_id) WHERE resolved_at IS NULL',
  );

  // The deadline of the stage a transition entered: SLA compliance is then "left by it".
  for (const table of ['decisions', 'referral_events', 'volunteer_events']) {
    await knex.schema.alterTable(table, (t) => t.timestamp('deadline_at', { useTz: true }));
    await knex.raw(`CREATE INDEX ${table}_at ON ${table} (at)`);
  }
  // A supervisor's termination, kept on the case so lists can tell it from a running case.
  for (const table of ['applications', 'referrals', 'volunteers']) {
    await knex.schema.alterTable(table, (t) => {
      t.timestamp('terminated_at', { useTz: true });
      t.text('terminated_reason');
    });
  }
  for (const table of ['referrals', 'volunteers', 'disbursement_runs'])
    await knex.raw(`CREATE INDEX ${table}_overdue ON ${table} (workflow_id) WHERE overdue`);

  // Every case workflow the projection knows, open or not, with where it stands.
  await knex.raw(`
    CREATE VIEW case_workflows AS
      SELECT 'benefit'::text AS kind, a.workflow_id, a.id::text AS case_key, a.id AS case_id, a.stage, a.stage_since AS since, a.deadline_at, a.overdue,
             a.assignee_id, c.parent_id AS street_id, a.community_id,
             (a.stage NOT IN (${list(closedBenefitStages)}) AND a.terminated_at IS NULL) AS open, NULL::text AS note
        FROM applications a JOIN org_units c ON c.id = a.community_id
      UNION ALL
      SELECT 'referral', r.workflow_id, r.id::text, r.id, r.stage, r.stage_since, r.deadline_at, r.overdue,
             r.assignee_id, c.parent_id, r.community_id,
             (r.stage NOT IN (${list(closedReferralStages)}) AND r.terminated_at IS NULL), NULL
        FROM referrals r JOIN org_units c ON c.id = r.community_id
      UNION ALL
      SELECT 'volunteer', v.workflow_id, v.id::text, v.id, v.stage, v.stage_since, v.deadline_at, v.overdue,
             NULL::integer, c.parent_id, v.community_id,
             (v.stage NOT IN (${list(closedVolunteerStages)}) AND v.terminated_at IS NULL), NULL
        FROM volunteers v JOIN org_units c ON c.id = v.community_id
      UNION ALL
      SELECT 'disbursement', d.workflow_id, d.period, d.id, d.phase, d.phase_since, d.signoff_deadline_at, d.overdue,
             NULL::integer, NULL::integer, NULL::integer,
             d.phase NOT IN ('completed', 'rejected'),
             CASE d.phase WHEN 'awaiting_signoff' THEN '待审核发放，已过审核期限 (sign-off overdue)'
                          WHEN 'resolving' THEN d.lines_failed || ' 笔失败明细待处理 (failed bank lines unresolved)' END
        FROM disbursement_runs d`);

  // One row per reason a workflow is stuck: an overdue case or run from the projection, and the
  // open alerts (an activity only from its 3rd attempt).
  await knex.raw(`
    CREATE VIEW stuck_reasons AS
      SELECT w.workflow_id, CASE WHEN w.kind = 'disbursement' THEN 'waiting_signoff' ELSE 'overdue' END AS reason,
             COALESCE(w.deadline_at, w.since) AS reason_since, NULL::integer AS attempts, NULL::text AS last_error, NULL::text AS activity_type, w.note AS detail, NULL::text AS alert_kind
        FROM case_workflows w WHERE w.overdue AND w.open
      UNION ALL
      SELECT a.workflow_id, a.reason, a.detected_at, a.attempts, a.last_error, a.activity_type, a.detail, a.kind
        FROM workflow_alerts a WHERE a.resolved_at IS NULL AND (a.reason <> 'failing_activity' OR a.attempts >= ${FAILING_ACTIVITY_ATTEMPT})`);

  // Grouped first (a few rows per stuck workflow), then each looks its case up by workflow id:
  // the lateral lookup probes the unique indexes, so the list costs what is stuck, not what is open.
  await knex.raw(`
    CREATE VIEW stuck_workflows AS
      SELECT g.id, COALESCE(w.kind, g.alert_kind) AS kind, w.case_key, w.case_id, w.stage, w.since, w.deadline_at,
             w.assignee_id, w.street_id, w.community_id,
             g.reasons, g.stuck_since, g.attempts, g.last_error, g.activity_type, g.detail
        FROM (SELECT r.workflow_id AS id, array_agg(DISTINCT r.reason) AS reasons, min(r.reason_since) AS stuck_since,
                     max(r.attempts) AS attempts, max(r.last_error) AS last_error, max(r.activity_type) AS activity_type,
                     string_agg(r.detail, '; ') AS detail, max(r.alert_kind) AS alert_kind
                FROM stuck_reasons r GROUP BY r.workflow_id) g
        LEFT JOIN LATERAL (SELECT * FROM case_workflows c WHERE c.workflow_id = g.id LIMIT 1) w ON true`);
}

export async function down(knex: Knex): Promise<void> {
  for (const view of ['stuck_workflows', 'stuck_reasons', 'case_workflows']) await knex.raw(`DROP VIEW ${view}`);
  for (const table of ['referrals', 'volunteers', 'disbursement_runs']) await knex.raw(`DROP INDEX ${table}_overdue`);
  for (const table of ['applications', 'referrals', 'volunteers']) {
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('terminated_at');
      t.dropColumn('terminated_reason');
    });
  }
  for (const table of ['decisions', 'referral_events', 'volunteer_events']) {
    await knex.raw(`DROP INDEX ${table}_at`);
    await knex.schema.alterTable(table, (t) => t.dropColumn('deadline_at'));
  }
  await knex.schema.dropTable('workflow_alerts');
}
