import type { Knex } from 'knex';
import type { z } from 'zod';
import type { referralBatchCreateBody } from '../../contract/referral-batches.js';
import { writeAudit } from '../../db/audit.js';
import { idNumberColumns, piiHash } from '../../db/pii.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { birthDateFromId } from '../../domain/id-number.js';
import type { AuthUser } from '../http/types.js';
import { referralBatchDetail, type ReferralBatch } from '../read-models/referral-batches.js';
import { seesWholeDistrict } from '../scope.js';
import type { RequestActor } from './request-actor.js';

// An enterprise under restructuring hands over its list of surplus staff: every person on it
// is checked first (ID check digit, community, not already in an open referral), then the whole
// list is recorded or nothing is. Starting each referral's workflow is the caller's (after commit).

type Body = z.output<typeof referralBatchCreateBody>;

/** Answers the new referrals' ids (their workflows to start) and the list as the API shows it. */
export async function createReferralBatch(
  db: Knex,
  actor: RequestActor,
  body: Body,
  idempotency: Express.Request['idempotency'],
): Promise<{ ids: number[]; answer: ReferralBatch }> {
  const { user } = actor;
  return db.transaction(async (trx) => {
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
      await writeAudit(trx, actor, {
        action: 'referral.refer',
        entityType: 'referral',
        entityId: id,
        orgUnitId: s.communityId,
        after: { seekerId: person.id, enterpriseId: body.enterpriseId, batchId: batch.id },
      });
      ids.push(id);
    }
    await writeAudit(trx, actor, {
      action: 'referral_batch.create',
      entityType: 'referral_batch',
      entityId: batch.id,
      after: { enterpriseId: body.enterpriseId, reference: body.reference, people: ids.length },
    });
    // The answer is stored with the effect: a retry after a crash gets this list back.
    const answer = await referralBatchDetail(trx, user, batch.id);
    await idempotency?.commit(trx, 201, answer);
    return { ids, answer };
  });
}

async function checkBatch(trx: Knex.Transaction, user: AuthUser, body: Body): Promise<void> {
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
