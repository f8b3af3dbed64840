import type { RaRecord } from 'react-admin';
import type { AssignmentStatus, HoursStatus } from '../volunteers/types';

export type ActivityStatus = 'open' | 'cancelled';

/** A row of GET /api/volunteer-activities: one service session of a team. */
export interface VolunteerActivity extends RaRecord {
  id: number;
  teamId: number;
  teamName: string;
  communityId: number;
  communityName: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  placesTotal: number;
  placesLeft: number;
  requiredSkills: string[];
  /** Serves the elderly, children or disabled people: only volunteers who passed the suitability check. */
  servesVulnerable: boolean;
  status: ActivityStatus;
  /** Volunteers signed up. */
  assigned: number;
}

/** A row of GET /api/volunteer-assignments (filter activityId). */
export interface ActivityAssignment extends RaRecord {
  id: number;
  activityId: number;
  title: string;
  teamName: string;
  volunteerId: number;
  volunteerName: string;
  startsAt: string;
  endsAt: string;
  status: AssignmentStatus;
  hoursStatus: HoursStatus | null;
}
