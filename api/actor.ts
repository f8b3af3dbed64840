import { closedBenefitStages, type BenefitStage } from '../domain/benefit-stages.js';
import { ConflictError } from '../domain/errors.js';
import type { Actor } from '../domain/actor.js';
import type { AuthUser } from './http/types.js';

/** Who acts, as a workflow sees them: enough for its validators, nothing personal. */
export const actorOf = (u: AuthUser): Actor => ({ id: u.id, username: u.username, role: u.role, orgPath: u.orgPath });

/** A closed case's workflow has ended: say so plainly instead of Temporal's "not found". */
export function refuseClosed(stage: BenefitStage): void {
  if (closedBenefitStages.includes(stage))
    throw new ConflictError(`案件已结束（${stage}），不能再操作 (case is closed: ${stage})`);
}
