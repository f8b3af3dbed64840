import { z } from 'zod';
import { teamKinds } from '../domain/volunteer-stages.js';

// A volunteer team as GET /api/volunteer-teams (a row) and GET /api/volunteer-teams/:id (with
// its members) give it, and the team leader accounts to name one from (GET /api/team-leaders):
// the API's answers and the console's types.

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
