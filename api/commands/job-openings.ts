import type { Knex } from 'knex';
import type { z } from 'zod';
import type { jobOpeningCreateBody, jobOpeningUpdateBody } from '../../contract/job-openings.js';
import { writeAudit } from '../../db/audit.js';
import { ConflictError, ValidationError } from '../../domain/errors.js';
import { employerExists } from '../read-models/employers.js';
import { findJobOpening, toApi } from '../read-models/job-openings.js';
import { checkStreetOrTown } from '../read-models/streets.js';
import type { RequestActor } from './request-actor.js';

// Job openings with their places. Places are taken only by placements (in the placement's
// transaction); an edit of the total moves what is left by the same amount and never below
// what is already filled. The caller tells the referrals in matching to rank again.

type Actor = RequestActor;

/** Answers the new opening's id. */
export async function createJobOpening(
  db: Knex,
  actor: Actor,
  body: z.output<typeof jobOpeningCreateBody>,
): Promise<number> {
  await checkStreetOrTown(db, body.streetId);
  if (!(await employerExists(db, body.employerId)))
    throw new ValidationError('请选择用人单位 (choose an employer)', {
      employerId: '用人单位不存在 (no such employer)',
    });
  return db.transaction(async (trx) => {
    const [row] = await trx('job_openings')
      .insert({
        employer_id: body.employerId,
        street_id: body.streetId,
        title: body.title,
        required_skills: body.requiredSkills,
        preferred_skills: body.preferredSkills,
        wage_min_fen: body.wageMinFen,
        wage_max_fen: body.wageMaxFen,
        hours_per_week: body.hoursPerWeek,
        physical: body.physical,
        places_total: body.placesTotal,
        places_left: body.placesTotal,
        created_by: actor.user.id,
      })
      .returning('id');
    await writeAudit(trx, actor, {
      action: 'job_opening.create',
      entityType: 'job_opening',
      entityId: row.id,
      orgUnitId: body.streetId,
      after: body,
    });
    return row.id as number;
  });
}

const columns = {
  title: 'title',
  requiredSkills: 'required_skills',
  preferredSkills: 'preferred_skills',
  wageMinFen: 'wage_min_fen',
  wageMaxFen: 'wage_max_fen',
  streetId: 'street_id',
  hoursPerWeek: 'hours_per_week',
  physical: 'physical',
  status: 'status',
} as const;

export async function updateJobOpening(
  db: Knex,
  actor: Actor,
  id: number,
  body: z.output<typeof jobOpeningUpdateBody>,
): Promise<void> {
  const before = await findJobOpening(db, id);
  if (body.streetId !== undefined) await checkStreetOrTown(db, body.streetId);
  const min = body.wageMinFen ?? Number(before.wage_min_fen);
  const max = body.wageMaxFen ?? Number(before.wage_max_fen);
  if (max < min)
    throw new ValidationError('最高月薪不能低于最低月薪 (max below min)', {
      wageMaxFen: '最高月薪不能低于最低月薪 (max below min)',
    });
  await db.transaction(async (trx) => {
    const patch: Record<string, unknown> = { updated_at: trx.fn.now() };
    for (const [k, c] of Object.entries(columns))
      if (body[k as keyof typeof columns] !== undefined) patch[c] = body[k as keyof typeof columns];
    const q = trx('job_openings').where({ id });
    if (body.placesTotal !== undefined) {
      // Guarded in SQL: a placement committing at the same time is counted, never overwritten.
      patch.places_total = body.placesTotal;
      patch.places_left = trx.raw('places_left + (? - places_total)', [body.placesTotal]);
      q.whereRaw('places_left + (? - places_total) >= 0', [body.placesTotal]);
    }
    const n = await q.update(patch);
    if (!n)
      throw new ConflictError(
        `已安置${before.places_total - before.places_left}人，名额不能少于此数 (fewer places than already filled)`,
      );
    await writeAudit(trx, actor, {
      action: 'job_opening.update',
      entityType: 'job_opening',
      entityId: id,
      orgUnitId: before.street_id,
      before: toApi(before),
      after: body,
    });
  });
}
