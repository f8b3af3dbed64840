import type { Request } from 'express';
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { createApplicationBody } from '../../contract/applications.js';
import { writeAudit } from '../../db/audit.js';
import { bankAccountColumns, idNumberColumns } from '../../db/pii.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { birthDateFromId } from '../../domain/id-number.js';
import type { AuthUser } from '../http/types.js';
import { applicationDetail, type ApplicationDetail } from '../read-models/applications.js';
import { unitInScope } from '../scope.js';

// Submitting a dibao application: the household, its members, the case row and its first
// decision, written together; the caller starts the case's workflow once they are committed.

export type NewApplication = z.output<typeof createApplicationBody>;

export interface SubmittedApplication {
  id: number;
  workflowId: string;
  answer: ApplicationDetail;
  streetCode: string;
  communityCode: string;
}

export async function submitApplication(
  db: Knex,
  { user, requestId }: { user: AuthUser; requestId?: string },
  body: NewApplication,
  idempotency: Request['idempotency'],
): Promise<SubmittedApplication> {
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
      { user, requestId },
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
    await idempotency?.commit(trx, 201, answer);
    return { id, workflowId, answer };
  });
  return { ...created, streetCode: community.street_code, communityCode: community.code };
}
