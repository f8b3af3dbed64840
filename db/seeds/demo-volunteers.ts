import type { Knex } from 'knex';
import { idNumberColumns } from '../pii.js';
import { birthDateFromId } from '../../domain/id-number.js';
import { starLevel } from '../../domain/stars.js';
import { teamKinds } from '../../domain/volunteer-stages.js';
import { PeopleFactory, Rng } from './demo-people.js';

// The demo's volunteers: 98 teams across the district (two in 东风社区, led by leader1), active
// volunteers in 城东街道 — enough in some communities to meet the 1% target and not in others,
// so the coverage chart has something to say — and a few new registrations in 东风社区 waiting
// for screening. Rows only: the API starts each one's workflow when it starts. Runs once.

const skills = ['陪伴', '急救', '理发', '维修', '书法', '心理疏导', '法律咨询', '垃圾分类', '文艺', '助餐'];

export async function seedDemoVolunteers(db: Knex, now: Date): Promise<{ teams: number; volunteers: number }> {
  return db.transaction(async (trx) => {
    if (await trx('volunteer_teams').first('id')) return { teams: 0, volunteers: 0 };
    const communities = await trx('org_units as c')
      .join('org_units as s', 's.id', 'c.parent_id')
      .where('c.kind', 'community')
      .orderBy('c.id')
      .select('c.id', 'c.name', 'c.code', 'c.residents', 's.code as street_code', 'c.parent_id as street_id');
    const leader = await trx('users').where({ username: 'leader1' }).first('id');
    const caseworker = await trx('users').where({ username: 'caseworker1' }).first('id');
    const teams = communities.flatMap((c, i) =>
      (i < 22 ? [0, 1] : [0]).map((k) => ({
        name: `${c.name}${k ? '助老' : '邻里'}志愿服务队`,
        community_id: c.id,
        kind: teamKinds[(i + k) % teamKinds.length],
        leader_user_id: c.code === 'cd-01' ? leader.id : null,
      })),
    );
    const inserted = await trx('volunteer_teams').insert(teams.slice(0, 98)).returning(['id', 'community_id']);

    const rng = new Rng(20260601);
    const people = new PeopleFactory(rng);
    const rows: Record<string, unknown>[] = [];
    for (const [i, c] of communities.filter((x) => x.street_code === 'cd').entries()) {
      // Every other community meets its target of 1% of residents.
      const count = Math.ceil((c.residents / 100) * (i % 2 === 0 ? 1.1 : 0.6));
      for (let k = 0; k < count; k++) {
        const p = people.person('other', rng.int(19, 70), rng.chance(0.4), people.surname());
        const minutes = rng.chance(0.3) ? rng.int(100, 700) * 60 : rng.int(0, 99) * 60;
        const since = new Date(now.getTime() - rng.int(30, 300) * 86400_000);
        rows.push({
          name: p.name,
          ...idNumberColumns(p.idNumber),
          birth_date: birthDateFromId(p.idNumber),
          phone: `137${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          community_id: c.id,
          street_id: c.street_id,
          skills: [rng.pick(skills), rng.pick(skills)].filter((s, j, a) => a.indexOf(s) === j),
          availability: rng.pick(['周末', '工作日晚上', '随时', '周三下午']),
          party_member: rng.chance(0.3),
          stage: 'active',
          stage_since: since,
          confirmed_minutes: minutes,
          star_level: starLevel(minutes),
          last_hours_at: minutes ? new Date(now.getTime() - rng.int(1, 60) * 86400_000) : null,
          reconfirm_due_at: new Date(since.getTime() + 365 * 86400_000),
          created_by: caseworker.id,
          created_at: since,
        });
      }
    }
    const cd01 = communities.find((c) => c.code === 'cd-01')!;
    for (let k = 0; k < 6; k++) {
      const p = people.person('other', rng.int(20, 60), rng.chance(0.5), people.surname());
      rows.push({
        name: p.name,
        ...idNumberColumns(p.idNumber),
        birth_date: birthDateFromId(p.idNumber),
        community_id: cd01.id,
        street_id: cd01.street_id,
        skills: [rng.pick(skills)],
        serves_vulnerable: k % 2 === 0,
        suitability: k % 2 === 0 ? 'pending' : 'not_needed',
        created_by: caseworker.id,
        created_at: new Date(now.getTime() - 3600_000),
      });
    }
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const { rows: ids } = await trx.raw(`SELECT nextval('volunteers_id_seq')::int AS id FROM generate_series(1, ?)`, [
        chunk.length,
      ]);
      await trx('volunteers').insert(
        chunk.map((r, j) => ({ ...r, id: ids[j].id, workflow_id: `volunteer-${ids[j].id}` })),
      );
      await trx('volunteer_events').insert(
        chunk.map((r, j) => ({
          volunteer_id: ids[j].id,
          seq: 0,
          to_stage: r.stage ?? 'registered',
          decision: 'register',
          actor_id: caseworker.id,
          actor_name: 'caseworker1',
          actor_role: 'caseworker',
          at: r.created_at,
        })),
      );
    }
    // Members: the active volunteers of a community join its first team.
    await trx.raw(
      `INSERT INTO team_members (team_id, volunteer_id) SELECT DISTINCT ON (v.id) t.id, v.id FROM volunteers v JOIN volunteer_teams t ON t.community_id = v.community_id WHERE v.stage = 'active' ORDER BY v.id, t.id`,
    );
    return { teams: inserted.length, volunteers: rows.length };
  });
}
