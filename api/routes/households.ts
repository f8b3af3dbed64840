import { Router } from 'express';
import { z } from 'zod';
import { householdCategories } from '../../domain/benefit-stages.js';
import { householdDetailSchema, householdSchema } from '../../contract/households.js';
import { NotFoundError } from '../../domain/errors.js';
import type { RouteContext } from '../deps.js';
import { filter, idParam, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import { membersOf, whereNameOrIdDigits } from '../read-models/members.js';
import { householdRevealBody, householdSealedValue, revealResponse, sendRevealed } from '../read-models/pii-reveal.js';
import { scopeToUser } from '../scope.js';

interface HouseholdRow {
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

const spec: ListSpec<HouseholdRow> = {
  resource: 'households',
  idColumn: 'h.id',
  sortable: { id: 'h.id', headName: 'h.head_name', communityName: 'c.name', category: 'h.category' },
  defaultSort: ['id', 'DESC'],
  filters: {
    communityId: filter(z.coerce.number().int(), (qb, v) => qb.where('h.community_id', v)),
    streetId: filter(z.coerce.number().int(), (qb, v) => qb.where('c.parent_id', v)),
    category: filter(z.enum(householdCategories), (qb, v) => qb.where('h.category', v)),
    q: filter(z.string().trim().max(50), (qb, v) => whereNameOrIdDigits(qb, 'h.id', 'h.head_name', v)),
  },
  toApi,
};

export function householdRoutes({ registry, db }: RouteContext): Router {
  const router = Router();
  // The latest application of the household tells where it stands.
  const base = () =>
    db('households as h')
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

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/households',
      tag: 'households',
      summary: 'Households in your area (filters: communityId, streetId, category, q)',
      query: listQuery,
      list: true,
      response: z.array(householdSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, scopeToUser(db, base(), user, 'h.community_id'), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/households/:id',
      tag: 'households',
      summary: 'One household with its members (ID numbers masked)',
      response: householdDetailSchema,
    },
    async ({ user, params }) => {
      const row = await scopeToUser(db, base().where('h.id', idParam(params.id)), user, 'h.community_id').first();
      if (!row) throw new NotFoundError('户不存在或不在您的辖区 (no such household in your area)');
      return { ...toApi(row), members: await membersOf(db, row.id) };
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/households/:id/reveal',
      tag: 'households',
      summary:
        'Show one unmasked value: a member’s ID number (field idNumber, memberId) or the bank account (field bankAccount); audited as pii.reveal',
      body: householdRevealBody,
      response: revealResponse,
    },
    async ({ req, res, user, params, body }) => {
      const row = await scopeToUser(
        db,
        db('households as h').where('h.id', idParam(params.id)),
        user,
        'h.community_id',
      ).first('h.id', 'h.community_id');
      if (!row) throw new NotFoundError('户不存在或不在您的辖区 (no such household in your area)');
      const sealed = await householdSealedValue(db, row.id, body);
      return sendRevealed(
        { db, req, res, user },
        {
          entityType: 'household',
          entityId: row.id,
          orgUnitId: row.community_id,
          field: body.field,
          memberId: body.memberId,
        },
        sealed,
      );
    },
  );
  return router;
}
