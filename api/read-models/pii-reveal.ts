import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { recordId } from '../../contract/fields.js';
import { writeAudit } from '../../db/audit.js';
import { decryptPii } from '../../db/pii.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { HandlerContext } from '../openapi/registry.js';
import type { AuthUser } from '../http/types.js';
import { idParam } from '../http/simple-rest.js';
import { scopeToUser } from '../scope.js';

// "Show" on a masked ID number or bank account: POST /api/<resource>/:id/reveal. The route
// registry has already refused other roles (403) and records outside the user's area (404);
// each reveal is an audit event naming the record and the field, never the value.

export const revealResponse = z.object({ value: z.string() });

export const householdRevealBody = z.object({
  field: z.enum(['idNumber', 'bankAccount']),
  memberId: recordId().optional(),
});
export const idNumberRevealBody = z.object({ field: z.literal('idNumber') });
export const bankAccountRevealBody = z.object({ field: z.literal('bankAccount') });

export type HouseholdReveal = z.infer<typeof householdRevealBody>;

/** The sealed value a household's reveal asks for: a member's ID number, or the household's account. */
export async function householdSealedValue(db: Knex, householdId: number, body: HouseholdReveal): Promise<string> {
  if (body.field === 'idNumber') {
    if (body.memberId === undefined)
      throw new ValidationError('请指定家庭成员 (memberId is required for idNumber)', {
        memberId: '请指定家庭成员 (required for idNumber)',
      });
    const member = await db('household_members')
      .where({ id: body.memberId, household_id: householdId })
      .first('id_number_enc');
    if (!member) throw new NotFoundError('该户没有此成员 (no such member in this household)');
    return member.id_number_enc;
  }
  if (body.memberId !== undefined)
    throw new ValidationError('银行账号属于户，不属于成员 (memberId is only for idNumber)', {
      memberId: '银行账号不按成员查看 (not with bankAccount)',
    });
  const household = await db('households').where({ id: householdId }).first('bank_account_enc');
  if (!household?.bank_account_enc) throw new NotFoundError('该户没有登记银行账号 (no bank account on file)');
  return household.bank_account_enc;
}

export interface RevealTarget {
  entityType: string;
  entityId: number;
  orgUnitId: number | null;
  field: 'idNumber' | 'bankAccount';
  memberId?: number;
}

/** Opens `sealed`, records who saw which field of what, and answers `{ value }`. */
export async function sendRevealed(
  ctx: { db: Knex; req: Request; res: Response; user: AuthUser },
  target: RevealTarget,
  sealed: string,
): Promise<undefined> {
  const { db, req, res, user } = ctx;
  const value = decryptPii(sealed);
  await writeAudit(
    db,
    { user, requestId: req.requestId },
    {
      action: 'pii.reveal',
      entityType: target.entityType,
      entityId: target.entityId,
      orgUnitId: target.orgUnitId,
      after: { field: target.field, ...(target.memberId === undefined ? {} : { memberId: target.memberId }) },
    },
  );
  // Sent past res.json on purpose: the idempotency layer stores what res.json sends, and the
  // value must not land in idempotency_keys. The key is released instead, so a retry under it
  // is a new (and newly audited) reveal.
  const key = req.get('idempotency-key');
  if (key) await db('idempotency_keys').where({ user_id: user.id, key }).whereNull('completed_at').delete();
  res.status(200).set('Cache-Control', 'no-store').type('application/json').send(JSON.stringify({ value }));
  return undefined;
}

/** The reveal of a resource whose row is one person with one ID number (job seekers, volunteers). */
export function personIdReveal(db: Knex, table: string, entityType: string, notFound: string) {
  return async ({
    req,
    res,
    user,
    params,
    body,
  }: HandlerContext<z.infer<typeof idNumberRevealBody>, unknown>): Promise<undefined> => {
    const row = await scopeToUser(
      db,
      db(table).where(`${table}.id`, idParam(params.id)),
      user,
      `${table}.community_id`,
    ).first(`${table}.id`, `${table}.community_id`, `${table}.id_number_enc`);
    if (!row) throw new NotFoundError(notFound);
    return sendRevealed(
      { db, req, res, user },
      { entityType, entityId: row.id, orgUnitId: row.community_id, field: body.field },
      row.id_number_enc,
    );
  };
}
