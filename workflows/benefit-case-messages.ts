import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BenefitStage } from '../domain/benefit-stages.js';
import type { Role } from '../domain/roles.js';

// The benefit case's public surface, apart from its implementation so the API can import it
// without loading workflow code.

export interface BenefitCaseInput {
  applicationId: number;
}

export interface Actor {
  id: number;
  username: string;
  role: Role;
}

export interface BenefitCaseState {
  applicationId: number;
  stage: BenefitStage;
  stageSince: string | null;
}

export const stateQuery = defineQuery<BenefitCaseState>('state');
export const withdrawUpdate = defineUpdate<BenefitCaseState, [{ actor: Actor; reason: string }]>('withdraw');
