import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from './benefit-case-messages.js';

// What a supervisor may ask of a case workflow (dibao case, referral). Other actions (remind,
// retry now, terminate) act on the workflow from outside and need no handler.

export interface ReassignRequest {
  actor: Actor;
  assigneeId: number;
  reason: string;
}

export interface ExtendDeadlineRequest {
  actor: Actor;
  /** ISO time, in the future. */
  deadlineAt: string;
  reason: string;
}

export interface SupervisionAnswer {
  stage: string;
  deadlineAt: string | null;
  overdue: boolean;
}

export const reassignUpdate = defineUpdate<SupervisionAnswer, [ReassignRequest]>('reassign');
export const extendDeadlineUpdate = defineUpdate<SupervisionAnswer, [ExtendDeadlineRequest]>('extendDeadline');
