import type { RaRecord } from 'react-admin';
import { hoursStatuses, type HoursStatus } from '../../../domain/volunteer-stages';

export type { HoursStatus };
export const hoursStatusChoices = hoursStatuses.map((id) => ({ id, name: `shequ.hours_status.${id}` }));

/** A row of GET /api/volunteer-hours: time a volunteer logged for one activity. */
export interface VolunteerHours extends RaRecord {
  id: number;
  volunteerId: number;
  volunteerName: string;
  activityId: number;
  title: string;
  teamId: number;
  teamName: string;
  minutes: number;
  status: HoursStatus;
  loggedAt: string;
  loggedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** POST /api/volunteer-hours/confirm: each id's own outcome, HTTP-like. */
export interface BulkConfirmResult {
  results: { id: number; status: number; message?: string }[];
}

/** The API takes at most this many ids at once. */
export const BULK_MAX = 200;
