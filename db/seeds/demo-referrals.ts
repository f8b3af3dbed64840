import type { Knex } from 'knex';
import { idNumberColumns } from '../pii.js';
import { birthDateFromId } from '../../domain/id-number.js';
import { PeopleFactory, Rng } from './demo-people.js';

// The demo's job market: employers in each street with openings, and one enterprise list of
// surplus staff waiting for intake in 东风社区 and its neighbours. The referrals are rows at
// `referred`; the API starts their workflows when it starts (as after a crash). Runs once:
// a district that has employers already is left alone.

const employers: Array<[string, string, Array<[string, string[], string[], number, number, number, boolean]>]> = [
  // name, street code, openings: title, required, preferred, min yuan, max yuan, places, physical
  [
    '泰州万达物业服务有限公司',
    'cd',
    [
      ['保洁员', [], ['物业'], 2300, 2800, 6, true],
      ['小区保安', ['保安证'], [], 2800, 3400, 4, true],
    ],
  ],
  [
    '海陵区社区养老服务中心',
    'cd',
    [
      ['养老护理员', ['护理'], ['养老护理证'], 3200, 4200, 5, true],
      ['配餐员', [], ['烹饪'], 2600, 3000, 2, false],
    ],
  ],
  [
    '泰州市春兰机电有限公司',
    'jtl',
    [
      ['电工', ['电工'], ['电工证'], 4200, 5500, 3, true],
      ['仓库管理员', ['仓储'], ['叉车'], 3300, 4000, 2, false],
    ],
  ],
  [
    '城西农贸市场管理处',
    'cx',
    [
      ['收银员', ['收银'], [], 2600, 3100, 3, false],
      ['市场巡查员', [], [], 2500, 2900, 2, false],
    ],
  ],
  [
    '泰州顺达物流有限公司',
    'cn',
    [
      ['叉车司机', ['叉车'], ['仓储'], 4500, 5800, 3, true],
      ['分拣员', [], ['仓储'], 3000, 3800, 8, true],
    ],
  ],
  [
    '海陵区家政服务中心',
    'cz',
    [
      ['家政服务员', ['家政'], ['烹饪', '护理'], 3000, 4500, 6, true],
      ['月嫂', ['育婴'], ['护理'], 5000, 8000, 2, false],
    ],
  ],
  [
    '凤城河景区管理处',
    'cz',
    [
      ['绿化工', [], ['园艺'], 2500, 3000, 4, true],
      ['讲解员', ['普通话'], ['导游证'], 3000, 3800, 1, false],
    ],
  ],
  [
    '泰州华联超市城北店',
    'cb',
    [
      ['理货员', [], ['仓储'], 2700, 3200, 5, true],
      ['收银员', ['收银'], [], 2700, 3200, 2, false],
    ],
  ],
];

const profiles: Array<[string[], string, string]> = [
  [['纺织', '挡车工'], 'senior_high', '棉纺厂挡车工18年'],
  [['电工', '电工证'], 'vocational', '厂电工班12年'],
  [['仓储', '叉车'], 'junior_high', '原料仓库保管员'],
  [['收银', '会计'], 'senior_high', '厂门市部收银'],
  [['烹饪'], 'junior_high', '职工食堂炊事员'],
  [['护理'], 'vocational', '厂医务室护士'],
  [['驾驶', '叉车'], 'junior_high', '厂内运输队'],
  [['纺织'], 'primary', '细纱车间'],
];

export async function seedDemoReferrals(
  db: Knex,
  now: Date,
): Promise<{ employers: number; openings: number; referrals: number }> {
  return db.transaction(async (trx) => {
    if (await trx('employers').first('id')) return { employers: 0, openings: 0, referrals: 0 };
    const streets = new Map(
      (await trx('org_units').whereIn('kind', ['street']).select('id', 'code')).map((s) => [s.code, s.id]),
    );
    let openings = 0;
    for (const [name, street, jobs] of employers) {
      const [e] = await trx('employers')
        .insert({
          name,
          street_id: streets.get(street),
          contact: '人事部',
          phone: '0523-8620' + String(openings).padStart(4, '0'),
        })
        .returning('id');
      for (const [title, required, preferred, min, max, places, physical] of jobs) {
        await trx('job_openings').insert({
          employer_id: e.id,
          title,
          required_skills: required,
          preferred_skills: preferred,
          wage_min_fen: min * 100,
          wage_max_fen: max * 100,
          street_id: streets.get(street),
          places_total: places,
          places_left: places,
          physical,
          hours_per_week: 40,
        });
        openings++;
      }
    }

    const caseworker = await trx('users').where({ username: 'caseworker1' }).first('id');
    const enterprise = await trx('enterprises').orderBy('id').first('id');
    const communities = await trx('org_units as c')
      .join('org_units as s', 's.id', 'c.parent_id')
      .whereIn('c.code', ['cd-01', 'cd-02', 'cd-03'])
      .select('c.id', 'c.parent_id as street_id');
    const [batch] = await trx('referral_batches')
      .insert({
        enterprise_id: enterprise.id,
        reference: '棉纺厂〔2026〕分流第1批',
        received_on: now.toISOString().slice(0, 10),
        created_by: caseworker.id,
      })
      .returning('id');
    const rng = new Rng(20260301);
    const people = new PeopleFactory(rng);
    const referred = new Date(now.getTime() - 3600_000);
    for (let i = 0; i < 12; i++) {
      const p = people.person('head', rng.int(38, 52), rng.chance(0.45), people.surname());
      const [skills, education, experience] = profiles[i % profiles.length];
      const c = communities[i % 3];
      const [seeker] = await trx('job_seekers')
        .insert({
          name: p.name,
          ...idNumberColumns(p.idNumber),
          birth_date: birthDateFromId(p.idNumber),
          phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          community_id: c.id,
          street_id: c.street_id,
          education,
          skills,
          experience,
        })
        .returning('id');
      const { rows } = await trx.raw(`SELECT nextval('referrals_id_seq')::int AS id`);
      const id: number = rows[0].id;
      await trx('referrals').insert({
        id,
        seeker_id: seeker.id,
        batch_id: batch.id,
        enterprise_id: enterprise.id,
        community_id: c.id,
        street_id: c.street_id,
        workflow_id: `referral-${id}`,
        created_by: caseworker.id,
        created_at: referred,
        stage_since: referred,
      });
      await trx('referral_events').insert({
        referral_id: id,
        seq: 0,
        to_stage: 'referred',
        decision: 'refer',
        actor_id: caseworker.id,
        actor_name: 'caseworker1',
        actor_role: 'caseworker',
        at: referred,
      });
    }
    return { employers: employers.length, openings, referrals: 12 };
  });
}
