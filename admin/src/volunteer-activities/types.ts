import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type {
  activityAssignmentSchema,
  volunteerActivityCreateBody,
  volunteerActivitySchema,
} from '../../../contract/volunteer-activities';

// Shapes of GET /api/volunteer-activities and /api/volunteer-assignments: the API's own schemas
// (contract/volunteer-activities.ts).

/** A row of GET /api/volunteer-activities: one service session of a team. */
export type VolunteerActivity = z.output<typeof volunteerActivitySchema> & RaRecord;
export type ActivityStatus = VolunteerActivity['status'];

/** A row of GET /api/volunteer-assignments (filter activityId). */
export type ActivityAssignment = z.output<typeof activityAssignmentSchema> & RaRecord;

/** The body of POST /api/volunteer-activities: the API's own schema. */
export type ActivityCreateBody = z.input<typeof volunteerActivityCreateBody>;
