import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { idNumberColumns } from '../../db/pii.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors.js';
import { birthDateFromId } from '../../domain/id-number.js';
import { shanghaiDate } from '../../domain/shanghai-date.js';
import { ageProblem } from '../../domain/volunteer-rules.js';
import type { volunteerRegisterBody } from '../../contract/volunteers.js';
import { findVolunteer, volunteerDetail, type VolunteerDetail } from '../read-models/volunteers.js';
import { unitInScope } from '../scope.js';
import type { RequestActor } from './request-actor.js';

/** Keeps the answer of a request sent with an Idempotency-Key, in the transaction of its effect. */
interface AnswerStore {
  commit(trx: Knex.Transaction, status: number, body: unknown): Promise<void>;
}

/**
 * Registers a volunteer of a community in the user's area: her row, its first event and the
 * audit record; her workflow (volunteer-<id>) is the caller's to start once this has committed.
 */
export async function registerVolunteer(
  db: Knex,
  actor: RequestActor,
  body: z.output<typeof volunteerRegisterBody>,
  answers?: AnswerStore,
): Promise<{ id: number; answer: VolunteerDetail }> {
  const { user } = actor;
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
  return db.transaction(async (trx) => {
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
    await writeAudit(trx, actor, {
      action: 'volunteer.register',
      entityType: 'volunteer',
      entityId: id,
      orgUnitId: body.communityId,
      after: { name: body.name, servesVulnerable: body.servesVulnerable, guardian: !!body.guardianConsent },
    });
    // The answer is stored with the effect: a retry after a crash gets this registration.
    const answer = await volunteerDetail(trx, user, await findVolunteer(trx, user, id));
    await answers?.commit(trx, 201, answer);
    return { id, answer };
  });
}
