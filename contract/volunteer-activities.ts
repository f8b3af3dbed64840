import { z } from 'zod';
import { hoursStatuses } from '../domain/volunteer-stages.js';

// An activity of a team as GET /api/volunteer-activities gives it, and a sign-up to one
// (GET /api/volunteer-assignments): the API's answers and the console's types.

export const volunteerActivitySchema = z.object({
  id: z.number(),
  teamId: z.number(),
  teamName: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  placesTotal: z.number(),
  placesLeft: z.number(),
  requiredSkills: z.array(z.string()),
  /** Serves the elderly, children or disabled people: only volunteers who passed the suitability check. */
  servesVulnerable: z.boolean(),
  status: z.enum(['open', 'cancelled']),
  /** Volunteers signed up. */
  assigned: z.number(),
});

export const activityAssignmentSchema = z.object({
  id: z.number(),
  activityId: z.number(),
  title: z.string(),
  teamName: z.string(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['assigned', 'cancelled']),
  hoursStatus: z.enum(hoursStatuses).nullable(),
});
