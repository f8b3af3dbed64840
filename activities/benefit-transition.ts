import type { Knex } from 'knex';
import type { BenefitStage } from '../domain/benefit-stages.js';
import type { Actor } from '../domain/actor.js';
import { recordCaseTransition, type CaseTransition, type Recorded } from './case-transition.js';

export type { Recorded } from './case-transition.js';

// A dibao case's transition: the application row, one `decisions` row and one audit event.

export interface Transition extends Omit<CaseTransition, 'from' | 'to' | 'actor'> {
  applicationId: number;
  from: BenefitStage | null;
  to: BenefitStage;
  actor: Actor | null;
}

const tables = { cases: 'applications', events: 'decisions', caseColumn: 'application_id', entity: 'application' };

export function recordTransition(
  trx: Knex.Transaction,
  { applicationId, ...t }: Transition,
  now: Date,
): Promise<Recorded> {
  return recordCaseTransition(trx, tables, applicationId, t, now);
}
