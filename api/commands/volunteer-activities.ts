import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import type { volunteerActivityCreateBody } from '../../contract/volunteer-activities.js';
import { volunteerActivityById, type VolunteerActivity } from '../read-models/volunteer-activities.js';
import { scopeToUser } from '../scope.js';
import type { RequestActor } from './request-actor.js';

/** Plans an activity of a team in the user's area, every place free; answers with the activity. */
export async function createVolunteerActivity(
  db: Knex,
  actor: RequestActor,
  body: z.output<typeof volunteerActivityCreateBody>,
): Promise<VolunteerActivity> {
  const { user } = actor;
  const team = await scopeToUser(db, db('volunteer_teams').where({ id: body.teamId }), user, 'community_id').first(
    'id',
    'community_id',
    'leader_user_id',
  );
  if (!team)
    throw new ValidationError('请选择本辖区的服务队 (choose a team in your area)', {
      teamId: '服务队不存在或不在您的辖区 (no such team in your area)',
    });
  if (user.role === 'team_leader' && team.leader_user_id !== user.id)
    throw new ForbiddenError('只能为本人带领的服务队新建活动');
  const created = await db.transaction(async (trx) => {
    const [row] = await trx('volunteer_activities')
      .insert({
        team_id: body.teamId,
        title: body.title,
        starts_at: body.startsAt,
        ends_at: body.endsAt,
        place: body.place,
        places_total: body.placesTotal,
        places_left: body.placesTotal,
        required_skills: body.requiredSkills,
        serves_vulnerable: body.servesVulnerable,
        created_by: user.id,
      })
      .returning('id');
    await writeAudit(trx, actor, {
      action: 'volunteer_activity.create',
      entityType: 'volunteer_activity',
      entityId: row.id,
      orgUnitId: team.community_id,
      after: body,
    });
    return row.id as number;
  });
  return volunteerActivityById(db, created);
}
