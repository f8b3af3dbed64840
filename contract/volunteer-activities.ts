import { z } from 'zod';
import { hoursStatuses } from '../domain/volunteer-stages.js';
import { recordId, skillList } from './fields.js';

// An activity of a team as GET /api/volunteer-activities gives it, and a sign-up to one
// (GET /api/volunteer-assignments): the API's answers, what it takes, and the console's types.

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
  /** A planned visit to a flagged household (GET /api/home-visits/:id), or null. */
  homeVisitId: z.number().nullable(),
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

const instant = () => z.iso.datetime({ offset: true, message: '时间格式无效 (ISO date-time)' });

/** POST /api/volunteer-activities: an activity a team plans, all its places free. */
export const volunteerActivityCreateBody = z
  .object({
    teamId: recordId(),
    title: z.string().trim().min(1, '请输入活动名称 (title required)').max(100),
    startsAt: instant(),
    endsAt: instant(),
    place: z.string().trim().min(1, '请输入地点 (place required)').max(200),
    placesTotal: z.number().int().min(1, '至少1个名额 (at least one place)').max(10_000),
    requiredSkills: skillList.default([]),
    servesVulnerable: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间 (must end after it starts)' });
  });

const id = z.coerce.number().int();

/** What each list filter of GET /api/volunteer-activities accepts. */
export const volunteerActivityFilters = {
  teamId: id,
  communityId: id,
  upcoming: z.boolean(),
  hasPlaces: z.boolean(),
  q: z.string().trim().max(50),
};

/** What each list filter of GET /api/volunteer-assignments accepts. */
export const volunteerAssignmentFilters = { activityId: id, volunteerId: id };
