import type { Knex } from 'knex';
import type { z } from 'zod';
import { referralBatchFilters, type referralBatchSchema } from '../../contract/referral-batches.js';
import { NotFoundError } from '../../domain/errors.js';
import type { AuthUser } from '../http/types.js';
import { filter, type ListSpec } from '../http/simple-rest.js';
import { seesWholeDistrict } from '../scope.js';

// An enterprise's lists of surplus staff. A list spans communities: a caseworker sees the
// referrals of her area only, and a list shows only those.

export interface ReferralBatchRow {
  id: number;
  enterprise_id: number;
  enterprise_name: string;
  reference: string;
  received_on: string;
  created_at: Date;
  referral_ids: number[] | null;
}

export type ReferralBatch = z.infer<typeof referralBatchSchema>;

const toApi = (b: ReferralBatchRow): ReferralBatch => ({
  id: b.id,
  enterpriseId: b.enterprise_id,
  enterpriseName: b.enterprise_name,
  reference: b.reference,
  receivedOn: b.received_on,
  count: b.referral_ids?.length ?? 0,
  createdAt: b.created_at.toISOString(),
  referralIds: b.referral_ids ?? [],
});

export const referralBatchListSpec: ListSpec<ReferralBatchRow> = {
  resource: 'referral-batches',
  idColumn: 'b.id',
  sortable: { id: 'b.id', receivedOn: 'b.received_on', reference: 'b.reference', enterpriseName: 'e.name' },
  defaultSort: ['id', 'DESC'],
  filters: { enterpriseId: filter(referralBatchFilters.enterpriseId, (qb, v) => qb.where('b.enterprise_id', v)) },
  toApi,
};

/** The lists the user may see, each with the ids of its referrals in her area (`q`: a transaction that just wrote one). */
export function referralBatchListQuery(q: Knex, user: AuthUser) {
  const mine = q('referrals as r').whereRaw('r.batch_id = b.id');
  if (!seesWholeDistrict(user))
    mine.whereIn('r.community_id', q('org_units').select('id').where('path', 'like', `${user.orgPath}%`));
  // A batch none of whose people are hers is not hers to see: not its enterprise, not its count.
  return q('referral_batches as b')
    .join('enterprises as e', 'e.id', 'b.enterprise_id')
    .modify((qb) => (seesWholeDistrict(user) ? qb : qb.whereExists(mine.clone().select(1))))
    .select(
      'b.*',
      'e.name as enterprise_name',
      mine.select(q.raw(`coalesce(array_agg(r.id ORDER BY r.id), '{}') `)).as('referral_ids'),
    );
}

export async function referralBatchDetail(q: Knex, user: AuthUser, id: number): Promise<ReferralBatch> {
  const row: ReferralBatchRow | undefined = await referralBatchListQuery(q, user).where('b.id', id).first();
  if (!row) throw new NotFoundError('名单不存在 (no such list)');
  return toApi(row);
}
