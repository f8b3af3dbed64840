import { z } from 'zod';
import { volunteerActions } from '../domain/volunteer-rules.js';
import { hoursStatuses, suitabilityStates, teamKinds, volunteerStages } from '../domain/volunteer-stages.js';
import { decisionSchema } from './decisions.js';
import { idNumberField, recordId, skillList } from './fields.js';

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

/** POST /api/volunteers: 14–17 only with a guardian's consent (the API checks the age from the ID number). */
export const volunteerRegisterBody = z.object({
  name: z.string().trim().min(1, '请输入姓名 (name required)').max(50),
  idNumber: idNumberField,
  phone: z.string().trim().max(30).default(''),
  communityId: recordId(),
  skills: skillList.default([]),
  availability: z.string().trim().max(200).default(''),
  partyMember: z.boolean().default(false),
  servesVulnerable: z.boolean().default(false),
  guardianName: z.string().trim().max(50).optional(),
  guardianConsent: z.boolean().optional(),
});

const id = z.coerce.number().int();

/** What each list filter of GET /api/volunteers accepts. */
export const volunteerFilters = {
  stage: z.union([z.enum(volunteerStages), z.array(z.enum(volunteerStages))]),
  communityId: id,
  streetId: id,
  starLevel: z.coerce.number().int().min(0).max(5),
  suitability: z.enum(suitabilityStates),
  /** Waiting on you: approval, a registry that did not answer, a re-confirmation; for a team leader, hours to confirm. */
  myQueue: z.boolean(),
  q: z.string().trim().max(50),
};
