import { z } from 'zod';
import { teamKinds } from '../domain/volunteer-stages.js';
import { recordId } from './fields.js';

// A volunteer team as GET /api/volunteer-teams (a row) and GET /api/volunteer-teams/:id (with
// its members) give it, and the team leader accounts to name one from (GET /api/team-leaders):
// the API's answers, what it takes, and the console's types.

export const volunteerTeamSchema = z.object({
  id: z.number(),
  name: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  kind: z.enum(teamKinds),
  leaderUserId: z.number().nullable(),
  leaderName: z.string().nullable(),
  /** How many volunteers. */
  members: z.number(),
  /** How many activities. */
  activities: z.number(),
});
export const volunteerTeamDetailSchema = volunteerTeamSchema.extend({
  memberList: z.array(
    z.object({ volunteerId: z.number(), name: z.string(), stage: z.string(), starLevel: z.number() }),
  ),
});

export const teamLeaderSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
});

/** POST /api/volunteer-teams: a team of a community, its leader (a team_leader account) optional. */
export const volunteerTeamCreateBody = z.object({
  name: z.string().trim().min(1, '请输入队名 (name required)').max(100),
  communityId: recordId(),
  kind: z.enum(teamKinds),
  leaderUserId: recordId().optional(),
});

/** POST /api/volunteer-teams/:id/members. */
export const teamMemberBody = z.object({ volunteerId: recordId() });

/** What each list filter of GET /api/volunteer-teams accepts. */
export const volunteerTeamFilters = {
  communityId: z.coerce.number().int(),
  kind: z.enum(teamKinds),
  q: z.string().trim().max(50),
  /** Teams led by this user (a team leader's own teams). */
  leaderUserId: z.coerce.number().int(),
};

/** What each list filter of GET /api/team-leaders accepts. */
export const teamLeaderFilters = { orgUnitId: z.coerce.number().int() };
