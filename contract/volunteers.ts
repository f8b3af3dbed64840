import { z } from 'zod';
import { volunteerActions } from '../domain/volunteer-rules.js';
import { hoursStatuses, suitabilityStates, teamKinds, volunteerStages } from '../domain/volunteer-stages.js';
import { decisionSchema } from './decisions.js';

// The volunteer as GET /api/volunteers (a row) and GET /api/volunteers/:id (the detail, also the
// answer of her actions) give her, written once: the API documents its answers with these, the
// console's Volunteer type is their output.

export const volunteerSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  age: z.number(),
  phone: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  streetId: z.number(),
  streetName: z.string(),
  skills: z.array(z.string()),
  availability: z.string(),
  partyMember: z.boolean(),
  minor: z.boolean(),
  guardianName: z.string().nullable(),
  servesVulnerable: z.boolean(),
  suitability: z.enum(suitabilityStates),
  stage: z.enum(volunteerStages),
  stageSince: z.string(),
  confirmedHours: z.number(),
  starLevel: z.number(),
  lastHoursAt: z.string().nullable(),
  reconfirmDueAt: z.string().nullable(),
  /** No hours for 90 policy days: she has been reminded. */
  reminderDue: z.boolean(),
  workflowId: z.string(),
  createdAt: z.string(),
});

export const volunteerDetailSchema = volunteerSchema.extend({
  teams: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(teamKinds) })),
  assignments: z.array(
    z.object({
      id: z.number(),
      activityId: z.number(),
      title: z.string(),
      teamName: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string(),
      status: z.enum(['assigned', 'cancelled']),
      hoursId: z.number().nullable(),
      hoursStatus: z.enum(hoursStatuses).nullable(),
      minutes: z.number().nullable(),
    }),
  ),
  hours: z.array(
    z.object({
      id: z.number(),
      activityId: z.number(),
      title: z.string(),
      minutes: z.number(),
      status: z.enum(hoursStatuses),
      loggedAt: z.string(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  recognitions: z.array(z.object({ level: z.number(), reachedAt: z.string(), confirmedHours: z.number() })),
  decisions: z.array(decisionSchema),
  closedReason: z.string().nullable(),
  allowedActions: z.array(z.enum(volunteerActions)),
});
