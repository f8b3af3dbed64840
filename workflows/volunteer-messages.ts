import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ConcernKind, VisitOutcome } from '../domain/home-visits.js';
import type { VolunteerPolicy } from '../domain/volunteer-policy.js';
import type { Suitability, VolunteerStage } from '../domain/volunteer-stages.js';
import type { Actor } from './benefit-case-messages.js';

// The volunteer's public surface, apart from its implementation so the API can import it
// without loading workflow code. Her name and ID number never enter the history.

export type { Actor } from './benefit-case-messages.js';

export interface VolunteerState {
  volunteerId: number;
  communityPath: string;
  stage: VolunteerStage;
  stageSince: string | null;
  servesVulnerable: boolean;
  suitability: Suitability;
  /** Screening must run (again) before the volunteer can move on. */
  needsScreening: boolean;
  confirmedMinutes: number;
  starLevel: number;
  /** Hours were last logged then (or she became active then): the inactivity reminder counts from it. */
  lastHoursAt: string | null;
  /** The reminder went out for this `lastHoursAt` already. */
  remindedFor: string | null;
  reconfirmDueAt: string | null;
  seq: number;
}

export interface VolunteerInput {
  volunteerId: number;
  policy: VolunteerPolicy;
  resume?: VolunteerState;
}

export interface CommentRequest {
  actor: Actor;
  comment: string;
}
export interface SignUpRequest {
  actor: Actor;
  activityId: number;
}
export interface LogHoursRequest {
  actor: Actor;
  activityId: number;
  minutes: number;
}
export interface DecideHoursRequest {
  actor: Actor;
  hoursId: number;
  confirm: boolean;
  reason: string;
}
/** What she found on a planned home visit (domain/home-visits.ts); her hours of it are confirmed with it. */
export interface RecordVisitRequest {
  actor: Actor;
  homeVisitId: number;
  outcome: VisitOutcome;
  concernKind: ConcernKind | null;
  note: string;
  minutes: number;
  /** When a concern's task is due, set by the API from its policy. */
  taskDueAt: string;
}
export type VolunteerStepName = 'approve' | 'reject' | 'rescreen' | 'reconfirm' | 'deactivate' | 'reactivate';
export interface VolunteerStepRequest extends CommentRequest {
  step: VolunteerStepName;
}

export const volunteerStateQuery = defineQuery<VolunteerState>('state');
export const volunteerStepUpdate = defineUpdate<VolunteerState, [VolunteerStepRequest]>('step');
export const signUpUpdate = defineUpdate<VolunteerState, [SignUpRequest]>('signUp');
export const logHoursUpdate = defineUpdate<VolunteerState, [LogHoursRequest]>('logHours');
export const decideHoursUpdate = defineUpdate<VolunteerState, [DecideHoursRequest]>('decideHours');
export const recordVisitUpdate = defineUpdate<VolunteerState, [RecordVisitRequest]>('recordVisit');
