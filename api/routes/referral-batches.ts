import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { birthDateFromId } from '../../domain/id-number.js';
import { educationLevels } from '../../domain/referral-stages.js';
import { writeAudit } from '../../db/audit.js';
import { idNumberColumns, piiHash } from '../../db/pii.js';
import type { RouteContext } from '../deps.js';
import { idNumberField, skillList, recordId } from '../../contract/fields.js';
import { referralBatchSchema } from '../../contract/referral-batches.js';
import { filter, idParam, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import { startCaseWorkflows } from '../temporal/case-start.js';
import { referralKind } from '../temporal/referral-start.js';
import { seesWholeDistrict } from '../scope.js';
import type { AuthUser } from '../http/types.js';

// An enterprise under restructuring hands over its list of surplus staff: every person on it
// is checked first (ID check digit, community, not already in an open referral), then the whole
// list is recorded or nothing is, and each referral's workflow starts.

const idNumber = idNumberField;

const seeker = z.object({
  name: z.string().trim().min(1, '请输入姓名 (name required)').max(50),
  idNumber,
  communityId: recordId(),
  phone: z.string().trim().max(30).default(''),
  education: z.enum(educationLevels),
  skills: skillList.default([]),
  experience: z.string().trim().max(2000).default(''),
});

const createBatch = z
  .object({
    enterpriseId: recordId(),
    reference: z.string().trim().min(1, '请输入名单编号 (list reference required)').max(100),
    receivedOn: z.iso.date('日期格式 YYYY-MM-DD (date)'),
    seekers: z.array(seeker).min(1, '名单至少一人 (at least one person)').max(500),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.seekers.forEach((s, i) => {
      if (seen.has(s.idNumber))
        ctx.addIssue({
          code: 'custom',
          path: ['seekers', i, 'idNumber'],
          message: `与第${seen.get(s.idNumber)! + 1}人身份证号重复 (duplicate ID number)`,
        });
      seen.set(s.idNumber, i);
    });
  });

interface BatchRow {
  id: number;
  enterprise_id: number;
  enterprise_name: string;
  reference: string;
  received_on: string;
  created_at: Date;
  referral_ids: number[] | null;
}
const toApi = (b: BatchRow) => ({
  id: b.id,
  enterpriseId: b.enterprise_id,
  enterpriseName: b.enterprise_name,
  reference: b.reference,
  receivedOn: b.received_on,
  count: b.referral_ids?.length ?? 0,
  createdAt: b.created_at.toISOString(),
  referralIds: b.referral_ids ?? [],
});

const spec: ListSpec<BatchRow> = {
  resource: 'referral-batches',
  idColumn: 'b.id',
  sortable: { id: 'b.id', receivedOn: 'b.received_on', reference: 'b.reference', enterpriseName: 'e.name' },
  defaultSort: ['id', 'DESC'],
  filters: { enterpriseId: filter(z.coerce.number().int(), (qb, v) => qb.where('b.enterprise_id', v)) },
  toApi,
};

export function referralBatchRoutes({ registry, db, temporal, env, startWorkflows = true }: RouteContext): Router {
  const router = Router();
  // A caseworker sees the referrals of her area only, and a batch shows only those.
  const base = (user: AuthUser, q: Knex = db) => {
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
  };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/referral-batches',
      tag: 'referrals',
      summary: 'Lists of surplus staff received from enterprises (filter: enterpriseId)',
      query: listQuery,
      list: true,
      response: z.array(referralBatchSchema),
    },
    async ({ res, user, query }) => sendList(res, spec, base(user), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/referral-batches/:id',
      tag: 'referrals',
      summary: 'One list, with the referrals of your area it holds',
      response: referralBatchSchema,
    },
    async ({ user, params }) => {
      const row = await base(user).where('b.id', idParam(params.id)).first();
      if (!row) throw new NotFoundError('名单不存在 (no such list)');
      return toApi(row);
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/referral-batches',
      tag: 'referrals',
      summary:
        'Record an enterprise’s list of surplus staff: one referral per person, each starting its referral-<id> workflow',
      body: createBatch,
      status: 201,
      response: referralBatchSchema,
    },
    async ({ body, user, req }) => {
      const created = await db.transaction(async (trx) => {
        // One list at a time: two lists naming the same person cannot both open a referral for her.
        await trx.raw('SELECT pg_advisory_xact_lock(7423007)');
        await checkBatch(trx, user, body);
        const [batch] = await trx('referral_batches')
          .insert({
            enterprise_id: body.enterpriseId,
            reference: body.reference,
            received_on: body.receivedOn,
            created_by: user.id,
          })
          .returning('id');
        const communities = new Map<number, number>(
          (
            await trx('org_units')
              .whereIn(
                'id',
                body.seekers.map((s) => s.communityId),
              )
              .select('id', 'parent_id')
          ).map((c) => [c.id, c.parent_id]),
        );
        const ids: number[] = [];
        for (const s of body.seekers) {
          const streetId = communities.get(s.communityId)!;
          const [person] = await trx('job_seekers')
            .insert({
              name: s.name,
              ...idNumberColumns(s.idNumber),
              birth_date: birthDateFromId(s.idNumber),
              phone: s.phone,
              community_id: s.communityId,
              street_id: streetId,
              education: s.education,
              skills: s.skills,
              experience: s.experience,
            })
            .onConflict('id_number_hash')
            .merge({
              name: s.name,
              phone: s.phone,
              community_id: s.communityId,
              street_id: streetId,
              updated_at: trx.fn.now(),
            })
            .returning('id');
          const { rows } = await trx.raw(`SELECT nextval('referrals_id_seq')::int AS id`);
          const id: number = rows[0].id;
          await trx('referrals').insert({
            id,
            seeker_id: person.id,
            batch_id: batch.id,
            enterprise_id: body.enterpriseId,
            community_id: s.communityId,
            street_id: streetId,
            workflow_id: `referral-${id}`,
            created_by: user.id,
            assignee_id: user.role === 'caseworker' ? user.id : null,
          });
          await trx('referral_events').insert({
            referral_id: id,
            seq: 0,
            from_stage: null,
            to_stage: 'referred',
            decision: 'refer',
            actor_id: user.id,
            actor_name: user.username,
            actor_role: user.role,
            details: JSON.stringify({ batchId: batch.id, reference: body.reference }),
          });
          await writeAudit(
            trx,
            { user, requestId: req.requestId },
            {
              action: 'referral.refer',
              entityType: 'referral',
              entityId: id,
              orgUnitId: s.communityId,
              after: { seekerId: person.id, enterpriseId: body.enterpriseId, batchId: batch.id },
            },
          );
          ids.push(id);
        }
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'referral_batch.create',
            entityType: 'referral_batch',
            entityId: batch.id,
            after: { enterpriseId: body.enterpriseId, reference: body.reference, people: ids.length },
          },
        );
        // The answer is stored with the effect: a retry after a crash gets this list back.
        const answer = toApi(await base(user, trx).where('b.id', batch.id).first());
        await req.idempotency?.commit(trx, 201, answer);
        return { ids, answer };
      });
      if (startWorkflows) await startCaseWorkflows(db, temporal, env, referralKind, created.ids);
      return created.answer;
    },
  );
  return router;
}

async function checkBatch(trx: Knex.Transaction, user: AuthUser, body: z.infer<typeof createBatch>): Promise<void> {
  const errors: Record<string, string> = {};
  if (!(await trx('enterprises').where({ id: body.enterpriseId }).first('id')))
    errors.enterpriseId = '请选择推荐企业 (choose an enterprise)';
  if (await trx('referral_batches').where({ enterprise_id: body.enterpriseId, reference: body.reference }).first('id'))
    errors.reference = '该企业已有同编号名单 (this list was recorded already)';
  const units = new Map(
    (
      await trx('org_units')
        .whereIn(
          'id',
          body.seekers.map((s) => s.communityId),
        )
        .select('id', 'kind', 'path')
    ).map((u) => [u.id, u]),
  );
  const hashes = body.seekers.map((s) => piiHash(s.idNumber));
  const open = new Map<string, number>(
    (
      await trx('referrals as r')
        .join('job_seekers as s', 's.id', 'r.seeker_id')
        .whereIn('s.id_number_hash', hashes)
        .whereNotIn('r.stage', ['closed', 'withdrawn'])
        .select('s.id_number_hash', 'r.id')
    ).map((r) => [r.id_number_hash, r.id]),
  );
  let outside = false;
  body.seekers.forEach((s, i) => {
    const u = units.get(s.communityId);
    if (!u || u.kind !== 'community') errors[`seekers.${i}.communityId`] = '请选择社区 (must be a community)';
    else if (!seesWholeDistrict(user) && !u.path.startsWith(user.orgPath)) outside = true;
    if (open.has(hashes[i]))
      errors[`seekers.${i}.idNumber`] = `此人已有进行中的推荐 #${open.get(hashes[i])} (already in an open referral)`;
  });
  if (outside) throw new ForbiddenError('只能为本辖区社区登记 (community outside your area)');
  if (Object.keys(errors).length)
    throw new ValidationError('名单有误，未登记任何人 (the list has errors; nothing was recorded)', errors);
}
