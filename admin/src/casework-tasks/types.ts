import type { RaRecord } from 'react-admin';
import {
  caseworkTaskKinds,
  caseworkTaskStatuses,
  type CaseworkTask as ApiCaseworkTask,
} from '../../../contract/casework-tasks';

export { caseworkTaskKinds, caseworkTaskStatuses };

/** A row of GET /api/casework-tasks (its page answers the same). */
export type CaseworkTask = RaRecord & ApiCaseworkTask;

export const kindChoices = caseworkTaskKinds.map((id) => ({ id, name: `shequ.casework_task.kind.${id}` }));
export const statusChoices = caseworkTaskStatuses.map((id) => ({ id, name: `shequ.casework_task.status.${id}` }));

/** The referral behind a task, when what raised it was one. */
export const referralOf = (t: Pick<ApiCaseworkTask, 'details'>): number | null =>
  typeof t.details.referralId === 'number' ? t.details.referralId : null;
