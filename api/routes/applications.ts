import { Router } from 'express';
import { z } from 'zod';
import { householdCategories, memberRelations } from '../../domain/benefit-stages.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { birthDateFromId } from '../../domain/id-number.js';
import { writeAudit } from '../../db/audit.js';
import { bankAccountColumns, idNumberColumns } from '../../db/pii.js';
import { startBenefitWorkflow } from '../temporal/benefit-start.js';
import type { RouteContext } from '../deps.js';
import { applicationDetailSchema, applicationSchema } from '../../contract/applications.js';
import { idNumberField, recordId } from '../../contract/fields.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { applicationBaseQuery, applicationDetail, applicationListSpec } from '../read-models/applications.js';
import { householdRevealBody, householdSealedValue, revealResponse, sendRevealed } from '../read-models/pii-reveal.js';
import { scopeToUser, unitInScope } from '../scope.js';

const idNumber = idNumberField;

const member = z.object({
  name: z.string().trim().min(1, '请输入姓名 (name required)').max(50),
  idNumber,
  relation: z.enum(memberRelations),
  disabled: z.boolean().default(false),
  monthlyIncomeFen: z
    .number()
    .int('收入以分为单位，须为整数 (income is whole fen)')
    .min(0, '收入不能为负 (income cannot be negative)')
    .max(10_000_000),
});

export const createApplication = z
  .object({
    headName: z.string().trim().min(1, '请输入户主姓名 (head of household required)').max(50),
    address: z.string().trim().min(1, '请输入住址 (address required)').max(200),
    communityId: recordId(),
    category: z.enum(householdCategories),
    bankAccount: z
      .string()
      .trim()
      .regex(/^\d{12,30}$/, '银行账号应为12–30位数字 (12–30 digits)')
      .optional(),
    members: z.array(member).min(1, '至少一名家庭成员 (at least one member)').max(20),
  })
  .superRefine((v, ctx) => {
    const heads = v.members.filter((m) => m.relation === 'head');
    if (heads.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: '须有且只有一名户主 (exactly one member must be the head)',
      });
    const seen = new Map<string, number>();
    v.members.forEach((m, i) => {
      if (seen.has(m.idNumber))
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'idNumber'],
          message: `与第${seen.get(m.idNumber)! + 1}名成员身份证号重复 (duplicate ID number)`,
        });
      seen.set(m.idNumber, i);
    });
  });

export function applicationRoutes({ registry, db, temporal, env, startWorkflows = true }: RouteContext): Router {
  const router = Router();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/applications',
      tag: 'applications',
      summary: 'Dibao applications in your area (filters: stage, streetId, communityId, overdue, blocked, myQueue, q)',
      query: listQuery,
      list: true,
      response: z.array(applicationSchema),
    },
    async ({ res, user, query }) =>
      sendList(
        res,
        applicationListSpec(user),
        scopeToUser(db, applicationBaseQuery(db), user, 'a.community_id'),
        query,
      ),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/applications/:id',
      tag: 'applications',
      summary:
        'One application: members (ID numbers masked), the amount and how it was computed, the timeline, and what you may do now',
      response: applicationDetailSchema,
    },
    async ({ user, params }) => applicationDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/applications',
      tag: 'applications',
      summary: 'Submit a dibao application for a household; starts its benefit-<id> workflow',

      body: createApplication,
      status: 201,
      response: applicationDetailSchema,
    },
    async ({ body, user, req }) => {
      const community = await db('org_units as c')
        .join('org_units as s', 's.id', 'c.parent_id')
        .where('c.id', body.communityId)
        .first('c.id', 'c.kind', 'c.code', 's.id as street_id', 's.code as street_code');
      if (!community || community.kind !== 'community')
        throw new ValidationError('请选择社区 (choose a community)', {
          communityId: '请选择一个社区 (must be a community)',
        });
      if (!(await unitInScope(db, user, body.communityId)))
        throw new ForbiddenError('只能为本辖区社区提交申请 (community outside your area)');

      const created = await db.transaction(async (trx) => {
        const [household] = await trx('households')
          .insert({
            head_name: body.headName,
            address: body.address,
            community_id: body.communityId,
            category: body.category,
            ...bankAccountColumns(body.bankAccount),
          })
          .returning('id');
        await trx('household_members').insert(
          body.members.map((m) => ({
            household_id: household.id,
            name: m.name,
            ...idNumberColumns(m.idNumber),
            relation: m.relation,
            birth_date: birthDateFromId(m.idNumber),
            disabled: m.disabled,
            monthly_income_fen: m.monthlyIncomeFen,
          })),
        );
        const { rows } = await trx.raw(`SELECT nextval('applications_id_seq')::int AS id`);
        const id: number = rows[0].id;
        const workflowId = `benefit-${id}`;
        await trx('applications').insert({
          id,
          household_id: household.id,
          community_id: body.communityId,
          street_id: community.street_id,
          stage: 'submitted',
          workflow_id: workflowId,
          submitted_by: user.id,
          assignee_id: user.role === 'caseworker' ? user.id : null,
        });
        await trx('decisions').insert({
          application_id: id,
          seq: 0,
          from_stage: null,
          to_stage: 'submitted',
          decision: 'submit',
          actor_id: user.id,
          actor_name: user.username,
          actor_role: user.role,
        });
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'application.submit',
            entityType: 'application',
            entityId: id,
            orgUnitId: body.communityId,
            after: {
              householdId: household.id,
              headName: body.headName,
              members: body.members.length,
              category: body.category,
            },
          },
        );
        // The answer is stored with the effect: a retry after a crash gets this case, not a second one.
        const answer = await applicationDetail(trx, user, id);
        await req.idempotency?.commit(trx, 201, answer);
        return { id, workflowId, answer };
      });

      if (startWorkflows)
        await startBenefitWorkflow(temporal, env, {
          ...created,
          stage: 'submitted',
          streetCode: community.street_code,
          communityCode: community.code,
        });
      return created.answer;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/applications/:id/reveal',
      tag: 'applications',
      summary:
        'Show one unmasked value of the household: a member’s ID number (field idNumber, memberId) or the bank account (field bankAccount); audited as pii.reveal',
      body: householdRevealBody,
      response: revealResponse,
    },
    async ({ req, res, user, params, body }) => {
      const app = await scopeToUser(
        db,
        db('applications as a').where('a.id', idParam(params.id)),
        user,
        'a.community_id',
      ).first('a.id', 'a.household_id', 'a.community_id');
      if (!app) throw new NotFoundError('申请不存在或不在您的辖区 (no such application in your area)');
      const sealed = await householdSealedValue(db, app.household_id, body);
      return sendRevealed(
        { db, req, res, user },
        {
          entityType: 'application',
          entityId: app.id,
          orgUnitId: app.community_id,
          field: body.field,
          memberId: body.memberId,
        },
        sealed,
      );
    },
  );
  return router;
}
