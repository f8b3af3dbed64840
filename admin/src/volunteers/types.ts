import type { RaRecord } from 'react-admin';
import type { VolunteerAction } from '../../../domain/volunteer-rules';
import {
  suitabilityStates,
  type HoursStatus,
  type Suitability,
  type TeamKind,
  type VolunteerStage,
} from '../../../domain/volunteer-stages';
import type { Decision } from '../common/types';

export type { HoursStatus, Suitability, VolunteerAction, VolunteerStage };

// Shapes of GET /api/volunteers (process 3: registration → screening → approval → teams → hours).

/** The background check for roles serving the elderly, children or disabled people. */
export const suitabilityChoices = suitabilityStates.map((id) => ({ id, name: `shequ.suitability.${id}` }));

export type AssignmentStatus = 'assigned' | 'cancelled';

export interface TeamRef {
  id: number;
  name: string;
  kind: TeamKind;
}

/** An activity she was signed up to, and the hours logged for it (if any). */
export interface Assignment {
  id: number;
  activityId: number;
  title: string;
  teamName: string;
  startsAt: string;
  endsAt: string;
  place: string;
  status: AssignmentStatus;
  hoursId: number | null;
  hoursStatus: HoursStatus | null;
  minutes: number | null;
}

export interface HoursEntry {
  id: number;
  activityId: number;
  title: string;
  minutes: number;
  status: HoursStatus;
  loggedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** A star level reached (★ at 100 confirmed hours … ★★★★★ at 1500). */
export interface Recognition {
  level: number;
  reachedAt: string;
  confirmedHours: number;
}

/** A row of GET /api/volunteers; the detail fields come with GET /api/volunteers/:id only. */
export interface Volunteer extends RaRecord {
  id: number;
  name: string;
  idNumberMasked: string;
  age: number;
  phone: string;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
  skills: string[];
  availability: string;
  partyMember: boolean;
  minor: boolean;
  guardianName: string | null;
  servesVulnerable: boolean;
  suitability: Suitability;
  stage: VolunteerStage;
  stageSince: string;
  confirmedHours: number;
  starLevel: number;
  lastHoursAt: string | null;
  reconfirmDueAt: string | null;
  /** No hours for 90 policy days: she has been reminded. */
  reminderDue: boolean;
  workflowId: string;
  createdAt: string;
  // only on getOne:
  teams?: TeamRef[];
  assignments?: Assignment[];
  hours?: HoursEntry[];
  recognitions?: Recognition[];
  decisions?: Decision[];
  closedReason?: string | null;
  allowedActions?: VolunteerAction[];
}

// Bodies of the volunteer's actions (POST /api/volunteers/:id/<action>): the API's own schemas.
export type { LogHoursBody } from '../../../contract/volunteer-actions';
export type ActiveToggle = 'deactivate' | 'reactivate';
