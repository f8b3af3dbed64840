import { Router } from 'express';
import { z } from 'zod';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors.js';
import { birthDateFromId } from '../../domain/id-number.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { ageProblem } from '../../domain/volunteer-rules.js';
import { writeAudit } from '../../db/audit.js';
import { idNumberColumns } from '../../db/pii.js';
import { startCaseWorkflows } from '../temporal/case-start.js';
import type { RouteContext } from '../deps.js';
import { idNumberField, skillList, recordId } from '../../contract/fields.js';
import { idParam, listQuery, sendList } from '../http/simple-rest.js';
import { idNumberRevealBody, personIdReveal, revealResponse } from '../read-models/pii-reveal.js';
import { findVolunteer, volunteerBaseQuery, volunteerDetail, volunteerListSpec } from '../read-models/volunteers.js';
import { volunteerDetailSchema, volunteerSchema } from '../../contract/volunteers.js';
import { scopeToUser, unitInScope } from '../scope.js';
import { volunteerKind } from '../temporal/volunteer-start.js';

const idNumber = idNumberField;

const registerBody = z.object({
  name: z.string().trim().min(1, '请输入姓名 (name required)').max(50),
  idNumber,
  phone: z.string().trim().max(30).default(''),
  communityId: recordId(),
  skills: skillList.default([]),
  availability: z.string().trim().max(200).default(''),
  partyMember: z.boolean().default(false),
  servesVulnerable: z.boolean().default(false),
  guardianName: z.string().trim().max(50).optional(),
  guardianConsent: z.boolean().optional(),
});

export function volunteerRoutes({ registry, db, temporal, env, startWorkflows = true }: RouteContext): Router {
  const router = Router();
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteers',
      tag: 'volunteers',
      summary:
        'Volunteers in your area — also the screening and approval queue (filters: stage, communityId, streetId, starLevel, suitability, myQueue, q)',
      query: listQuery,
      list: true,
      response: z.array(volunteerSchema),
    },
    async ({ res, user, query }) =>
      sendList(res, volunteerListSpec(user), scopeToUser(db, volunteerBaseQuery(db), user, 'v.community_id'), query),
  );
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/volunteers/:id',
      tag: 'volunteers',
      summary: 'One volunteer: teams, sign-ups, hours, stars, the timeline and what you may do now',
      response: volunteerDetailSchema,
    },
    async ({ user, params }) => volunteerDetail(db, user, idParam(params.id)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteers',
      tag: 'volunteers',
      summary: 'Register a volunteer (14–17 only with a guardian’s consent); starts volunteer-<id>, which screens her',
      body: registerBody,
      status: 201,
      response: volunteerDetailSchema,
    },
    async ({ body, user, req }) => {
      const community = await db('org_units').where({ id: body.communityId }).first('id', 'kind', 'parent_id');
      if (community?.kind !== 'community')
        throw new ValidationError('请选择社区 (choose a community)', {
          communityId: '请选择一个社区 (must be a community)',
        });
      if (!(await unitInScope(db, user, body.communityId)))
        throw new ForbiddenError('只能为本辖区社区登记 (community outside your area)');
      const birthDate = birthDateFromId(body.idNumber);
      const age = ageProblem(birthDate, shanghaiDate(new Date()), {
        name: body.guardianName,
        consent: body.guardianConsent,
      });
      if (age === 'too_young')
        throw new ValidationError('未满14周岁不能登记为志愿者 (under 14)', { idNumber: '未满14周岁 (under 14)' });
      if (age === 'needs_guardian') {
        const errors: Record<string, string> = {
          guardianConsent: '未满18周岁须有监护人同意 (a minor needs a guardian’s consent)',
        };
        if (!body.guardianName?.trim()) errors.guardianName = '请填写监护人姓名 (guardian’s name required)';
        throw new ValidationError('未满18周岁须有监护人同意 (a minor needs a guardian’s consent)', errors);
      }
      const created = await db.transaction(async (trx) => {
        // Two registrations of one person at once: the partial unique index lets one in.
        await trx.raw('SELECT pg_advisory_xact_lock(7423008)');
        const person = idNumberColumns(body.idNumber);
        const other = await trx('volunteers')
          .where({ id_number_hash: person.id_number_hash })
          .whereNot({ stage: 'rejected' })
          .first('id');
        if (other) throw new ConflictError(`此人已登记为志愿者 #${other.id} (already registered)`);
        const { rows } = await trx.raw(`SELECT nextval('volunteers_id_seq')::int AS id`);
        const id: number = rows[0].id;
        await trx('volunteers').insert({
          id,
          name: body.name,
          ...person,
          birth_date: birthDate,
          phone: body.phone,
          community_id: body.communityId,
          street_id: community.parent_id,
          skills: body.skills,
          availability: body.availability,
          party_member: body.partyMember,
          serves_vulnerable: body.servesVulnerable,
          suitability: body.servesVulnerable ? 'pending' : 'not_needed',
          guardian_name: body.guardianName ?? null,
          guardian_consent_at: body.guardianConsent ? trx.fn.now() : null,
          workflow_id: `volunteer-${id}`,
          created_by: user.id,
        });
        await trx('volunteer_events').insert({
          volunteer_id: id,
          seq: 0,
          to_stage: 'registered',
          decision: 'register',
          actor_id: user.id,
          actor_name: user.username,
          actor_role: user.role,
        });
        await writeAudit(
          trx,
          { user, requestId: req.requestId },
          {
            action: 'volunteer.register',
            entityType: 'volunteer',
            entityId: id,
            orgUnitId: body.communityId,
            after: { name: body.name, servesVulnerable: body.servesVulnerable, guardian: !!body.guardianConsent },
          },
        );
        // The answer is stored with the effect: a retry after a crash gets this registration.
        const answer = await volunteerDetail(trx, user, await findVolunteer(trx, user, id));
        await req.idempotency?.commit(trx, 201, answer);
        return { id, answer };
      });
      if (startWorkflows) await startCaseWorkflows(db, temporal, env, volunteerKind, [created.id]);
      return created.answer;
    },
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/volunteers/:id/reveal',
      tag: 'volunteers',
      summary: 'Show the volunteer’s unmasked ID number; audited as pii.reveal',
      body: idNumberRevealBody,
      response: revealResponse,
    },
    personIdReveal(db, 'volunteers', 'volunteer', '志愿者不存在或不在您的辖区 (no such volunteer in your area)'),
  );
  return router;
}
