import type { Knex } from 'knex';
import { PeopleFactory, Rng } from './demo-people.js';

// What referral work needs before the first referral: the enterprises under restructuring that
// send staff, a service point per street, and two one-to-one helpers (一助一) in every
// community. Invented names; idempotent like the rest of the seed.

export const enterprises = [
  { name: '泰州第二棉纺织厂（改制）', credit_code: '91321202MA1X2C3D4E', contact: '人事科 周科长' },
  { name: '海陵区食品公司（改制）', credit_code: '91321202MA1Y5F6G7H', contact: '劳资科 钱主任' },
  { name: '泰州印染厂（改制）', credit_code: '91321202MA1Z8J9K0L', contact: '办公室 孙主任' },
];

export async function seedReferralBase(trx: Knex.Transaction): Promise<void> {
  await trx('enterprises').insert(enterprises).onConflict('name').ignore();
  const streets = await trx('org_units').where({ kind: 'street' }).orderBy('id').select('id', 'name');
  await trx('service_points')
    .insert(streets.map((s) => ({ name: `${s.name}再就业服务站`, street_id: s.id, opened_on: '2003-06-01' })))
    .onConflict('name')
    .ignore();
  const communities = await trx('org_units').where({ kind: 'community' }).orderBy('id').select('id');
  const rng = new Rng(20260105);
  const people = new PeopleFactory(rng);
  const helpers = communities.flatMap((c) =>
    [0, 1].map(() => {
      const p = people.person('other', rng.int(32, 58), rng.chance(0.4), people.surname());
      return {
        name: p.name,
        phone: `13${rng.int(3, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        community_id: c.id,
      };
    }),
  );
  await trx('helpers').insert(helpers).onConflict(['community_id', 'name']).ignore();
}
