import { z } from 'zod';
import { careFlags, concernKinds, homeVisitStatuses, visitOutcomes } from '../domain/home-visits.js';
import { hoursStatuses } from '../domain/volunteer-stages.js';
import { recordId, text } from './fields.js';

// Volunteers' visits to flagged households (domain/home-visits.ts): the household's flags and
// plan, a planned visit with what was recorded on it, and the bodies that set the flags and
// record a visit. The API validates and documents with these; the console types with them.

/** On a household's page: its flags and when its next visit is due (null: not flagged). */
export const householdCareSchema = z.object({
  flags: z.array(z.enum(careFlags)),
  since: z.string().nullable(),
  nextVisitDueAt: z.string().nullable(),
});

/** PUT /api/households/:id/care-flags: the flags it has from now on (none ends the visit plan). */
export const careFlagsBody = z.object({
  flags: z
    .array(z.enum(careFlags))
    .max(careFlags.length)
    .refine((fs) => new Set(fs).size === fs.length, '标记不能重复'),
  note: text(500).default(''),
});

export const visitRecordSchema = z.object({
  id: z.number(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  outcome: z.enum(visitOutcomes),
  concernKind: z.enum(concernKinds).nullable(),
  note: z.string(),
  minutes: z.number(),
  /** Where her hours of the visit stand. */
  hoursStatus: z.enum(hoursStatuses).nullable(),
  /** The casework task a concern raised. */
  taskId: z.number().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

export const homeVisitSchema = z.object({
  id: z.number(),
  householdId: z.number(),
  headName: z.string(),
  address: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  activityId: z.number(),
  activityTitle: z.string(),
  teamId: z.number(),
  teamName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placesTotal: z.number(),
  placesLeft: z.number(),
  /** Only volunteers who passed the suitability check may sign up. */
  servesVulnerable: z.boolean(),
  flags: z.array(z.enum(careFlags)),
  dueAt: z.string(),
  /** The record window closes: unrecorded by then (or only "not home"), the visit is missed. */
  recordBy: z.string(),
  status: z.enum(homeVisitStatuses),
  /** Missed visits in a row up to this one. */
  missedStreak: z.number(),
  records: z.array(visitRecordSchema),
});

/** POST /api/home-visits/:id/records: what one volunteer signed up for the visit found; confirms her hours of it. */
export const visitRecordBody = z.object({
  volunteerId: recordId(),
  outcome: z.enum(visitOutcomes),
  /** With outcome concern only: what was found. */
  concernKind: z.enum(concernKinds).nullable().default(null),
  /** Required with a concern. */
  note: text(1000).default(''),
  /** Her hours of the visit, in whole minutes (at most the activity's length). */
  minutes: z
    .number()
    .int('须为整数分钟')
    .min(1, '至少1分钟')
    .max(24 * 60, '最多1440分钟'),
});

const id = z.coerce.number().int();

/** What each list filter of GET /api/home-visits accepts. */
export const homeVisitFilters = {
  householdId: id,
  activityId: id,
  communityId: id,
  status: z.enum(homeVisitStatuses),
};
