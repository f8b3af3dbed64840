import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { benefitStages, closedBenefitStages, householdCategories, memberRelations, type BenefitStage } from '../../domain/benefit-stages.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { birthDateFromId, idNumberMessages, idNumberProblem, maskIdNumber } from '../../domain/id-number.js';
import { writeAudit } from '../../db/audit.js';
import type { benefitCase } from '../../workflows/benefit-case.js';
import { withdrawUpdate } from '../../workflows/benefit-case-messages.js';
import { caseAttributes } from '../../workflows/search-attributes.js';
import type { RouteContext } from '../deps.js';
import type { AuthUser } from '../http/types.js';
import { filter, idParam, listQuery, sendList, type ListSpec } from '../http/simple-rest.js';
import { scopeToUser, unitInScope } from '../scope.js';

interface ApplicationRow {
  id: number;
  household_id: number;
  community_id: number;
  street_id: number;
  stage: string;
  workflow_id: string;
  stage_since: Date;
  deadline_at: Date | null;
  overdue: boolean;
  created_at: Date;
  head_name: string;
  address: string;
  category: string;
  community_name: string;
  street_name: string;
  member_count: string;
}

const application = z.object({
  id: z.number(),
  householdId: z.number(),
  headName: z.string(),
  address: z.string(),
  category: z.enum(householdCategories),
  communityId: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  memberCount: z.number(),
  stage: z.enum(benefitStages),
  stageSince: z.string(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  workflowId: z.string(),
  createdAt: z.string(),
});

const toApi = (r: ApplicationRow) => ({
  id: r.id,
  householdId: r.household_id,
  headName: r.head_name,
  address: r.address,
  category: r.category,
  communityId: r.community_id,
  communityName: r.community_name,
  streetId: r.street_id,
  streetName: r.street_name,
  memberCount: Number(r.member_count),
  stage: r.stage,
  stageSince: r.stage_since.toISOString(),
  deadlineAt: r.deadline_at?.toISOString() ?? null,
  overdue: r.overdue,
  workflowId: r.workflow_id,
  createdAt: r.created_at.toISOString(),
});

const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: idNumberMessages[problem] });
  });

const member = z.object({
  name: z.string().trim().min(1, '请输入姓名 (name required)').max(50),
  idNumber,
  relation: z.enum(memberRelations),
  disabled: z.boolean().default(false),
  monthlyIncomeFen: z.number().int('收入以分为单位，须为整数 (income is whole fen)').min(0, '收入不能为负 (income cannot be negative)').max(10_000_000),
});

export const createApplication = z
  .object({
    headName: z.string().trim().min(1, '请输入户主姓名 (head of household required)').max(50),
    address: z.string().trim().min(1, '请输入住址 (address required)').max(200),
    communityId: z.number().int().positive(),
    category: z.enum(householdCategories),
    bankAccount: z.string().trim().regex(/^\d{12,30}$/, '银行账号应为12–30位数字 (12–30 digits)').optional(),
    members: z.array(member).min(1, '至少一名家庭成员 (at least one member)').max(20),
  })
  .superRefine((v, ctx) => {
    const heads = v.members.filter((m) => m.relation === 'head');
    if (heads.length !== 1) ctx.addIssue({ code: 'custom', path: ['members'], message: '须有且只有一名户主 (exactly one member must be the head)' });
    const seen = new Map<string, number>();
    v.members.forEach((m, i) => {
      if (seen.has(m.idNumber)) ctx.addIssue({ code: 'custom', path: ['members', i, 'idNumber'], message: `与第${seen.get(m.idNumber)! + 1}名成员身份证号重复 (duplicate ID number)` });
      seen.set(m.idNumber, i);
    });
  });

const withdrawBody = z.object({ reason: z.string().trim().min(1, '请填写撤回原因 (reason required)').max(500) });

const stageFilter = z.union([z.enum(benefitStages), z.array(z.enum(benefitStages))]);
const spec: ListSpec<ApplicationRow> = {
  resource: 'applications',
  idColumn: 'a.id',
  sortable: { id: 'a.id', createdAt: 'a.created_at', stage: 'a.stage', stageSince: 'a.stage_since', headName: 'h.head_name', deadlineAt: 'a.deadline_at' },
  defaultSort: ['id', 'DESC'],
  filters: {
    stage: filter(stageFilter, (qb, v) => qb.whereIn('a.stage', ([] as string[]).concat(v))),
    communityId: filter(z.coerce.number().int(), (qb, v) => qb.where('a.community_id', v)),
    streetId: filter(z.coerce.number().int(), (qb, v) => qb.where('a.street_id', v)),
    overdue: filter(z.boolean(), (qb, v) => qb.where('a.overdue', v)),
    q: filter(z.string().trim().max(50), (qb, v) =>
      qb.where((w) =>
        w.whereILike('h.head_name', `%${v}%`).orWhereExists((e) =>
          e.select(1).from('household_members as m').whereRaw('m.household_id = a.household_id').where('m.id_number', 'like', `%${v.toUpperCase()}`),
        ),
      ),
    ),
  },
  toApi,
};

function baseQuery(db: Knex) {
  return db('applications as a')
    .join('households as h', 'h.id', 'a.household_id')
    .join('org_units as c', 'c.id', 'a.community_id')
    .join('org_units as s', 's.id', 'a.street_id')
    .select(
      'a.*',
      'h.head_name',
      'h.address',
      'h.category',
      'c.name as community_name',
      's.name as street_name',
      db.raw('(SELECT count(*) FROM household_members m WHERE m.household_id = a.household_id) AS member_count'),
    );
}

async function findScoped(db: Knex, user: AuthUser, id: number): Promise<ApplicationRow> {
  const row = await scopeToUser(db, baseQuery(db).where('a.id', id), user, 'a.community_id').first();
  if (!row) throw new NotFoundError();
  return row;
}

async function membersOf(db: Knex, householdId: number) {
  const rows = await db('household_members').where({ household_id: householdId }).orderBy('id');
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    idNumberMasked: maskIdNumber(m.id_number),
    relation: m.relation,
    birthDate: String(m.birth_date),
    disabled: m.disabled,
    monthlyIncomeFen: Number(m.monthly_income_fen),
  }));
}

export async function startBenefitWorkflow(temporal: Client, taskQueue: string, a: { id: number; workflowId: string; stage: string; streetCode: string; communityCode: string }) {
  await temporal.workflow.start<typeof benefitCase>('benefitCase', {
    workflowId: a.workflowId,
    taskQueue,
    args: [{ applicationId: a.id }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: caseAttributes({ kind: 'benefit', caseId: a.id, stage: a.stage, street: a.streetCode, community: a.communityCode }),
  });
}

/** Starts the workflow of any application whose API process died between commit and start. */
export async function startUnstartedApplications(db: Knex, temporal: Client, taskQueue: string): Promise<number> {
  const rows = await db('applications as a')
    .join('org_units as c', 'c.id', 'a.community_id')
    .join('org_units as s', 's.id', 'a.street_id')
    .whereNull('a.workflow_started_at')
    .where('a.stage', 'submitted')
    .where('a.created_at', '<', db.raw(`now() - interval '30 seconds'`))
    .select('a.id', 'a.workflow_id', 'a.stage', 'c.code as community_code', 's.code as street_code');
  for (const r of rows) {
    await startBenefitWorkflow(temporal, taskQueue, { id: r.id, workflowId: r.workflow_id, stage: r.stage, streetCode: r.street_code, communityCode: r.community_code });
  }
  return rows.length;
}

export function applicationRoutes({ registry, db, temporal, env }: RouteContext): Router {
  const router = Router();
  const detail = application.extend({
    members: z.array(z.object({ id: z.number(), name: z.string(), idNumberMasked: z.string(), relation: z.string(), birthDate: z.string(), disabled: z.boolean(), monthlyIncomeFen: z.number() })),
  });

  registry.add(
    router,
    { method: 'get', path: '/api/applications', tag: 'applications', summary: 'Dibao applications in your area', query: listQuery, list: true, response: z.array(application) },
    async ({ res, user, query }) => sendList(res, spec, scopeToUser(db, baseQuery(db), user, 'a.community_id'), query),
  );

  registry.add(router, { method: 'get', path: '/api/applications/:id', tag: 'applications', summary: 'One application with its household members (ID numbers masked)', response: detail }, async ({ user, params }) => {
    const row = await findScoped(db, user, idParam(params.id));
    return { ...toApi(row), members: await membersOf(db, row.household_id) };
  });

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/applications',
      tag: 'applications',
      summary: 'Submit a dibao application for a household; starts its benefit-<id> workflow',
      roles: ['caseworker', 'supervisor'],
      body: createApplication,
      status: 201,
      response: detail,
    },
    async ({ body, user, req }) => {
      const community = await db('org_units as c').join('org_units as s', 's.id', 'c.parent_id').where('c.id', body.communityId).first('c.id', 'c.kind', 'c.code', 's.id as street_id', 's.code as street_code');
      if (!community || community.kind !== 'community') throw new ValidationError('请选择社区 (choose a community)', { communityId: '请选择一个社区 (must be a community)' });
      if (!(await unitInScope(db, user, body.communityId))) throw new ForbiddenError('只能为本辖区社区提交申请 (community outside your area)');

      const created = await db.transaction(async (trx) => {
        const [household] = await trx('households')
          .insert({ head_name: body.headName, address: body.address, community_id: body.communityId, category: body.category, bank_account: body.bankAccount ?? null })
          .returning('id');
        await trx('household_members').insert(
          body.members.map((m) => ({
            household_id: household.id,
            name: m.name,
            id_number: m.idNumber,
            relation: m.relation,
            birth_date: birthDateFromId(m.idNumber),
            disabled: m.disabled,
            monthly_income_fen: m.monthlyIncomeFen,
          })),
        );
        const { rows } = await trx.raw(`SELECT nextval('applications_id_seq')::int AS id`);
        const id: number = rows[0].id;
        const workflowId = `benefit-${id}`;
        await trx('applications').insert({ id, household_id: household.id, community_id: body.communityId, street_id: community.street_id, stage: 'submitted', workflow_id: workflowId, submitted_by: user.id });
        await writeAudit(trx, { user, requestId: req.requestId }, {
          action: 'application.submit',
          entityType: 'application',
          entityId: id,
          orgUnitId: body.communityId,
          after: { householdId: household.id, headName: body.headName, members: body.members.length, category: body.category },
        });
        return { id, workflowId };
      });

      await startBenefitWorkflow(temporal, env.SHEQU_TASK_QUEUE, { ...created, stage: 'submitted', streetCode: community.street_code, communityCode: community.code });
      const row = await findScoped(db, user, created.id);
      return { ...toApi(row), members: await membersOf(db, row.household_id) };
    },
  );

  registry.add(
    router,
    { method: 'post', path: '/api/applications/:id/withdraw', tag: 'applications', summary: 'Withdraw an application, with a reason', roles: ['caseworker', 'supervisor'], body: withdrawBody, response: detail },
    async ({ body, user, params }) => {
      const row = await findScoped(db, user, idParam(params.id));
      if (closedBenefitStages.includes(row.stage as BenefitStage)) throw new ConflictError(`申请已结束，无法撤回 (case already ${row.stage})`);
      await temporal.workflow.getHandle(row.workflow_id).executeUpdate(withdrawUpdate, { args: [{ actor: { id: user.id, username: user.username, role: user.role }, reason: body.reason }] });
      const updated = await findScoped(db, user, row.id);
      return { ...toApi(updated), members: await membersOf(db, updated.household_id) };
    },
  );
  return router;
}
