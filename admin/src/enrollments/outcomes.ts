import {
  changeKinds,
  outcomeNeedsDistrict,
  recheckOutcomes,
  type RecheckOutcome,
} from '../../../domain/benefit-actions';
import type { Role } from '../roles';

export { changeKinds, recheckOutcomes, type RecheckOutcome };

/** Suspending and terminating need the district; the API refuses them to anyone else. */
export const outcomesFor = (role: Role | undefined): RecheckOutcome[] =>
  recheckOutcomes.filter((o) => !outcomeNeedsDistrict(o) || role === 'district_approver');
