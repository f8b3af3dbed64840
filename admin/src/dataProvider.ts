import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { standardFormField } from './allowance-standards/payload';
import { applicationFormField } from './applications/payload';
import { toFormError, type FieldRename } from './formErrors';
import { httpClient } from './httpClient';
import type { ImportResult } from './imports/types';

export interface MemberFigures {
  memberId: number;
  monthlyIncomeFen: number;
  left?: boolean;
}

export interface DecisionBody {
  decision: 'approve' | 'reject' | 'return' | 'resubmit' | 'reverify' | 'override_duplicate';
  comment: string;
  findings?: { visitedOn: string; notes: string; members: MemberFigures[] };
}

export type Outcome = 'keep' | 'adjust' | 'suspend' | 'terminate';

export interface RecheckBody {
  members: MemberFigures[];
  outcome: Outcome;
  comment: string;
}

export interface ChangeBody extends RecheckBody {
  changeKind: 'income' | 'members' | 'death' | 'moved_away' | 'other';
}

export type EnrollmentStatusAction = 'suspend' | 'resume' | 'terminate';

/** The case actions beyond CRUD: each POSTs and answers with the updated record. */
export interface ShequDataProvider extends DataProvider {
  withdrawApplication: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  decideApplication: (id: Identifier, body: DecisionBody) => Promise<{ data: RaRecord }>;
  objectToApplication: (id: Identifier, body: { objector: string; content: string }) => Promise<{ data: RaRecord }>;
  recheckEnrollment: (id: Identifier, body: RecheckBody) => Promise<{ data: RaRecord }>;
  reportEnrollmentChange: (id: Identifier, body: ChangeBody) => Promise<{ data: RaRecord }>;
  setEnrollmentStatus: (id: Identifier, action: EnrollmentStatusAction, reason: string) => Promise<{ data: RaRecord }>;
  importCaseload: (csv: string, dryRun: boolean) => Promise<{ status: number; data: ImportResult }>;
}

const rest = simpleRestProvider('/api', httpClient);

const formFields: Record<string, FieldRename> = { applications: applicationFormField, 'allowance-standards': standardFormField };
const asFormError = (resource: string) => (error: unknown) => {
  throw toFormError(error, formFields[resource]);
};

const path = (resource: string, id: Identifier, action: string) => `/api/${resource}/${encodeURIComponent(String(id))}/${action}`;

async function post(url: string, body: unknown): Promise<{ data: RaRecord }> {
  const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body) });
  return { data: json as RaRecord };
}

export const dataProvider: ShequDataProvider = {
  ...rest,
  create: (resource, params) => rest.create(resource, params).catch(asFormError(resource)),
  update: (resource, params) => rest.update(resource, params).catch(asFormError(resource)),
  withdrawApplication: (id, reason) => post(path('applications', id, 'withdraw'), { reason }),
  decideApplication: (id, body) => post(path('applications', id, 'decisions'), body),
  objectToApplication: (id, body) => post(path('applications', id, 'objections'), body),
  recheckEnrollment: (id, body) => post(path('enrollments', id, 'rechecks'), body),
  reportEnrollmentChange: (id, body) => post(path('enrollments', id, 'changes'), body),
  setEnrollmentStatus: (id, action, reason) => post(path('enrollments', id, action), { reason }),
  async importCaseload(csv, dryRun) {
    const { status, json } = await httpClient('/api/imports', { method: 'POST', body: JSON.stringify({ csv, dryRun }) });
    return { status, data: json as ImportResult };
  },
};
