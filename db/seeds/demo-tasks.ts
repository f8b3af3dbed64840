import type { Knex } from 'knex';
import { policyDaysToMs } from '../../domain/policy-time.js';

// A few caseworker tasks on enrolled households of the demo district, so 待办任务 opens on a
// queue: two in caseworker1's community (one already past due), one in the neighbouring
// community of the same street, one in another street. Runs inside the demo caseload's seed,
// after the import made the households.

const tasks: { community: string; kind: string; title: string; dueInDays: number }[] = [
  {
    community: 'cd-01',
    kind: 'visit_concern',
    title: '志愿者探访：户主近期行动不便、独自居住，请上门了解是否需要临时救助',
    dueInDays: -2,
  },
  {
    community: 'cd-01',
    kind: 'visit_missed',
    title: '本月探访两次上门无人，请电话联系家庭确认近况',
    dueInDays: 5,
  },
  {
    community: 'cd-02',
    kind: 'visit_concern',
    title: '志愿者探访：子女辍学在家，请了解原因并告知教育救助政策',
    dueInDays: 7,
  },
  {
    community: 'cx-01',
    kind: 'visit_concern',
    title: '志愿者探访：家中取暖设备损坏，请核实是否需要临时救助',
    dueInDays: 3,
  },
];

export async function seedDemoTasks(trx: Knex.Transaction, opts: { now: Date; daySeconds: number }): Promise<number> {
  let made = 0;
  for (const [i, t] of tasks.entries()) {
    const e = await trx('enrollments as e')
      .join('org_units as c', 'c.id', 'e.community_id')
      .where({ 'c.code': t.community, 'e.status': 'active' })
      .orderBy('e.id')
      .offset(i)
      .first('e.household_id', 'e.application_id', 'e.community_id');
    if (!e) continue;
    const inserted = await trx('casework_tasks')
      .insert({
        kind: t.kind,
        source_key: `demo:${i}`,
        household_id: e.household_id,
        application_id: e.application_id,
        community_id: e.community_id,
        title: t.title,
        due_at: new Date(
          opts.now.getTime() + Math.sign(t.dueInDays) * policyDaysToMs(Math.abs(t.dueInDays), opts.daySeconds),
        ),
        created_at: new Date(opts.now.getTime() - policyDaysToMs(3, opts.daySeconds)),
      })
      .onConflict('source_key')
      .ignore()
      .returning('id');
    made += inserted.length;
  }
  return made;
}
