import type { Role } from './roles.js';

/**
 * Who takes a step, as the API vouches for it to a workflow, its validators and its activities:
 * shared by all three, so it lives here rather than in one workflow's messages.
 */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  /** Materialized org path of the actor's unit; a validator refuses a case outside it. */
  orgPath: string;
}

/** A household member's verified monthly income, named by her row id (never her ID number). */
export interface MemberFigures {
  memberId: number;
  monthlyIncomeFen: number;
  /** Left the household (moved away, died): no longer counted. */
  left?: boolean;
}
