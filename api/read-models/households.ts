import type { Knex } from 'knex';
import { householdFilters as f } from '../../contract/households.js';
import { NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';
import { membersOf, whereNameOrIdDigits } from './members.js';
import { householdStory } from './household-story.js';
import { householdCare } from './home-visits.js';

// A household as lists and its page read it, scoped to the reader's area; its latest
// application tells where it stands.

export interface HouseholdRow {
  id: number;
  head_name: string;
  address: string;
  category: string;
  community_id: number;
  community_name: string;
  street_id: number;
  street_name: string;
  bank_account_masked: string | null;
  member_count: string;
  application_id: number | null;
  stage: string | null;
}

const toApi = (r: HouseholdRow) => ({
  id: r.id,
  headName: r.head_name,
  address: r.address,
  category: r.category,
  communityId: r.community_id,
  communityName: r.community_name,
  streetId: r.street_id,
  streetName: r.street_name,
  bankAccountMasked: r.bank_account_masked,
  memberCount: Number(r.member_count),
  applicationId: r.application_id,
  stage: r.stage,
});

export const householdListSpec: ListSpec<HouseholdRow> = {
  resource: 'households',
  idColumn: 'h.id',
  sortable: { id: 'h.id', headName: 'h.head_name', communityName: 'c.name', category: 'h.category' },
  defaultSort: ['id', 'DESC'],
  filters: {
    communityId: filter(f.communityId, (qb, v) => qb.where('h.community_id', v)),
    streetId: filter(f.streetId, (qb, v) => qb.where('c.parent_id', v)),
    category: filter(f.category, (qb, v) => qb.where('h.category', v)),
    q: filter(f.q, (qb, v) => whereNameOrIdDigits(qb, 'h.id', 'h.head_name', v)),
  },
  toApi,
};

export function householdBaseQuery(db: Knex): Knex.QueryBuilder {
  return db('households as h')
    .join('org_units as c', 'c.id', 'h.community_id')
    .join('org_units as s', 's.id', 'c.parent_id')
    .leftJoin(
      db.raw(
        'LATERAL (SELECT id AS application_id, stage FROM applications a WHERE a.household_id = h.id ORDER BY a.id DESC LIMIT 1) la ON true',
      ),
    )
    .select(
      'h.*',
      'c.name as community_name',
      's.id as street_id',
      's.name as street_name',
      'la.application_id',
      'la.stage',
      db.raw(
        '(SELECT count(*) FROM household_members m WHERE m.household_id = h.id AND NOT m.left_household) AS member_count',
      ),
    );
}

/** The list's rows: the households in the reader's area. */
export const householdsInArea = (db: Knex, user: AuthUser): Knex.QueryBuilder =>
  scopeToUser(db, householdBaseQuery(db), user, 'h.community_id');

const notFound = () => new NotFoundError('户不存在或不在您的辖区 (no such household in your area)');

export async function householdDetail(db: Knex, user: AuthUser, id: number) {
  const row: HouseholdRow | undefined = await scopeToUser(
    db,
    householdBaseQuery(db).where('h.id', id),
    user,
    'h.community_id',
  ).first();
  if (!row) throw notFound();
  const [members, story] = await Promise.all([membersOf(db, row.id), householdStory(db, row.id)]);
  return { ...toApi(row), members, story, care: householdCare(row) };
}

/** What a reveal on a household needs: that it is in the reader's area, and its community for the audit event. */
export async function householdInArea(
  db: Knex,
  user: AuthUser,
  id: number,
): Promise<{ id: number; community_id: number }> {
  const row = await scopeToUser(db, db('households as h').where('h.id', id), user, 'h.community_id').first(
    'h.id',
    'h.community_id',
  );
  if (!row) throw notFound();
  return row;
}
