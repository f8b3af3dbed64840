import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import { standardFormField } from './allowance-standards/payload';
import { applicationFormField } from './applications/payload';
import { incomeRuleFormField } from './employment-income-rules/payload';
import type { DistrictOverview } from './dashboard/types';
import { toFormError, type FieldRename } from './formErrors';
import { httpClient } from './httpClient';
import type { ImportResult } from './imports/types';
import type { ReissuePaymentBody } from './payments/types';
import type { AssessBody, FollowUpBody, OutcomeBody, ProposeBody, RespondBody } from './referrals/types';
import { getToken } from './session';
import type { ReadAllResult } from './notifications/types';
import type { BulkConfirmResult, HoursBulkConfirmBody, HoursRejectBody } from './volunteer-hours/types';
import type { TeamMemberBody } from './volunteer-teams/types';
import type { ActiveToggle, LogHoursBody } from './volunteers/types';
import type { Assignee, ExtendBody, ReassignBody } from './workflows/types';
import type { z } from 'zod';
import type {
  ChangeBody,
  DecisionBody,
  IncomeDecisionBody,
  ObjectionBody,
  RecheckBody,
} from '../../contract/benefit-actions';
import type { ScheduleNoteBody, scheduleStatusSchema } from '../../contract/disbursement-schedule';
import type { StartRunBody } from '../../contract/disbursement-runs';
import type { ImportBody } from '../../contract/imports';
import type { CaseworkTaskDoneBody } from '../../contract/casework-tasks';
import type { CareFlagsBody, VisitRecordBody } from './home-visits/types';

// The dibao case's action bodies: the API's own schemas (contract/), so a field added there is
// checked here.
export type {
  ChangeBody,
  DecisionBody,
  IncomeDecisionBody,
  MemberFigures,
  ObjectionBody,
  RecheckBody,
} from '../../contract/benefit-actions';
export type Outcome = RecheckBody['outcome'];

export type EnrollmentStatusAction = 'suspend' | 'resume' | 'terminate';

export type RunAction = 'approve' | 'reject' | 'close' | 'recheck';

export type ScheduleStatus = z.output<typeof scheduleStatusSchema>;

export interface BankFileDownload {
  blob: Blob;
  filename: string;
  /** The checksum the API stored with the file (header X-Checksum-Sha256). */
  sha256: string | null;
}

/** The case actions beyond CRUD: each POSTs and answers with the updated record. */
export interface ShequDataProvider extends DataProvider {
  withdrawApplication: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  decideApplication: (id: Identifier, body: DecisionBody) => Promise<{ data: RaRecord }>;
  objectToApplication: (id: Identifier, body: ObjectionBody) => Promise<{ data: RaRecord }>;
  decideIncome: (id: Identifier, body: IncomeDecisionBody) => Promise<{ data: RaRecord }>;
  recheckEnrollment: (id: Identifier, body: RecheckBody) => Promise<{ data: RaRecord }>;
  reportEnrollmentChange: (id: Identifier, body: ChangeBody) => Promise<{ data: RaRecord }>;
  setEnrollmentStatus: (id: Identifier, action: EnrollmentStatusAction, reason: string) => Promise<{ data: RaRecord }>;
  importCaseload: (csv: string, dryRun: boolean) => Promise<{ status: number; data: ImportResult }>;
  /** 201 a new run, 200 the run the period already has. */
  startDisbursementRun: (period: string) => Promise<{ status: number; data: RaRecord }>;
  runAction: (id: Identifier, action: RunAction, reason?: string) => Promise<{ data: RaRecord }>;
  downloadBankFile: (id: Identifier, seq: number) => Promise<BankFileDownload>;
  reissuePayment: (id: Identifier, body: ReissuePaymentBody) => Promise<{ data: RaRecord }>;
  carryPayment: (id: Identifier) => Promise<{ data: RaRecord }>;
  getDisbursementSchedule: () => Promise<ScheduleStatus>;
  setSchedulePaused: (paused: boolean, note: string) => Promise<ScheduleStatus>;
  assessReferral: (id: Identifier, body: AssessBody) => Promise<{ data: RaRecord }>;
  rematchReferral: (id: Identifier) => Promise<{ data: RaRecord }>;
  proposeOpening: (id: Identifier, body: ProposeBody) => Promise<{ data: RaRecord }>;
  respondToProposal: (id: Identifier, body: RespondBody) => Promise<{ data: RaRecord }>;
  recordInterviewOutcome: (id: Identifier, body: OutcomeBody) => Promise<{ data: RaRecord }>;
  recordFollowUp: (id: Identifier, body: FollowUpBody) => Promise<{ data: RaRecord }>;
  withdrawReferral: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  approveVolunteer: (id: Identifier, comment: string) => Promise<{ data: RaRecord }>;
  rejectVolunteer: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  rescreenVolunteer: (id: Identifier) => Promise<{ data: RaRecord }>;
  signUpVolunteer: (id: Identifier, activityId: number) => Promise<{ data: RaRecord }>;
  logVolunteerHours: (id: Identifier, body: LogHoursBody) => Promise<{ data: RaRecord }>;
  reconfirmVolunteer: (id: Identifier, comment: string) => Promise<{ data: RaRecord }>;
  setVolunteerActive: (id: Identifier, action: ActiveToggle, reason: string) => Promise<{ data: RaRecord }>;
  /** Answers with the hours row. */
  confirmVolunteerHours: (id: Identifier) => Promise<{ data: RaRecord }>;
  rejectVolunteerHours: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  /** One result per id (200 confirmed, 409 already decided, 403, 404); at most 200 ids. */
  confirmVolunteerHoursBulk: (ids: number[]) => Promise<BulkConfirmResult>;
  /** Answers with the team detail. */
  addTeamMember: (teamId: Identifier, volunteerId: number) => Promise<{ data: RaRecord }>;
  /** Who a stuck workflow's case may be handed to. */
  getWorkflowAssignees: (id: Identifier) => Promise<Assignee[]>;
  /** Each answers with the updated row ({ id, status } after terminate). */
  reassignWorkflow: (id: Identifier, body: ReassignBody) => Promise<{ data: RaRecord }>;
  extendWorkflow: (id: Identifier, body: ExtendBody) => Promise<{ data: RaRecord }>;
  remindWorkflow: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  retryWorkflow: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  terminateWorkflow: (id: Identifier, reason: string) => Promise<{ data: RaRecord }>;
  getDashboard: () => Promise<DistrictOverview>;
  markNotificationRead: (id: Identifier) => Promise<{ data: RaRecord }>;
  markAllNotificationsRead: () => Promise<ReadAllResult>;
  /** Answers with the task, done. */
  completeCaseworkTask: (id: Identifier, outcome: string) => Promise<{ data: RaRecord }>;
  /** Answers with the household's page. */
  setCareFlags: (householdId: Identifier, body: CareFlagsBody) => Promise<{ data: RaRecord }>;
  /** Answers with the home visit and its records. */
  recordHomeVisit: (homeVisitId: Identifier, body: VisitRecordBody) => Promise<{ data: RaRecord }>;
}

const rest = simpleRestProvider('/api', httpClient);

const formFields: Record<string, FieldRename> = {
  applications: applicationFormField,
  'allowance-standards': standardFormField,
  'employment-income-rules': incomeRuleFormField,
};
const asFormError = (resource: string) => (error: unknown) => {
  throw toFormError(error, formFields[resource]);
};

const path = (resource: string, id: Identifier, action: string) =>
  `/api/${resource}/${encodeURIComponent(String(id))}/${action}`;

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
  decideIncome: (id, body) => post(path('applications', id, 'income-decision'), body),
  recheckEnrollment: (id, body) => post(path('enrollments', id, 'rechecks'), body),
  reportEnrollmentChange: (id, body) => post(path('enrollments', id, 'changes'), body),
  setEnrollmentStatus: (id, action, reason) => post(path('enrollments', id, action), { reason }),
  async importCaseload(csv, dryRun) {
    const { status, json } = await httpClient('/api/imports', {
      method: 'POST',
      body: JSON.stringify({ csv, dryRun } satisfies ImportBody),
    });
    return { status, data: json as ImportResult };
  },
  async startDisbursementRun(period) {
    const { status, json } = await httpClient('/api/disbursement-runs', {
      method: 'POST',
      body: JSON.stringify({ period } satisfies StartRunBody),
    });
    return { status, data: json as RaRecord };
  },
  runAction: (id, action, reason) =>
    post(path('disbursement-runs', id, action), reason === undefined ? {} : { reason }),
  async downloadBankFile(id, seq) {
    // A plain link would not carry the bearer token: fetch it, then hand the browser a Blob.
    const token = getToken();
    const res = await fetch(`/api/disbursement-runs/${encodeURIComponent(String(id))}/bank-file?seq=${seq}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new HttpError(body?.message || res.statusText, res.status, body);
    }
    const named = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '');
    return {
      blob: await res.blob(),
      filename: named?.[1] ?? `bank-file-${id}-${seq}.csv`,
      sha256: res.headers.get('X-Checksum-Sha256'),
    };
  },
  reissuePayment: (id, body) => post(path('payments', id, 'reissue'), body),
  carryPayment: (id) => post(path('payments', id, 'carry'), {}),
  async getDisbursementSchedule() {
    const { json } = await httpClient('/api/disbursement-schedule');
    return json as ScheduleStatus;
  },
  async setSchedulePaused(paused, note) {
    const { json } = await httpClient(`/api/disbursement-schedule/${paused ? 'pause' : 'resume'}`, {
      method: 'POST',
      body: JSON.stringify({ note } satisfies ScheduleNoteBody),
    });
    return json as ScheduleStatus;
  },
  assessReferral: (id, body) => post(path('referrals', id, 'assess'), body),
  rematchReferral: (id) => post(path('referrals', id, 'rematch'), {}),
  proposeOpening: (id, body) => post(path('referrals', id, 'propose'), body),
  respondToProposal: (id, body) => post(path('referrals', id, 'respond'), body),
  recordInterviewOutcome: (id, body) => post(path('referrals', id, 'outcome'), body),
  recordFollowUp: (id, body) => post(path('referrals', id, 'follow-ups'), body),
  withdrawReferral: (id, reason) => post(path('referrals', id, 'withdraw'), { reason }),
  approveVolunteer: (id, comment) => post(path('volunteers', id, 'approve'), { comment }),
  rejectVolunteer: (id, reason) => post(path('volunteers', id, 'reject'), { reason }),
  rescreenVolunteer: (id) => post(path('volunteers', id, 'rescreen'), {}),
  signUpVolunteer: (id, activityId) => post(path('volunteers', id, 'sign-ups'), { activityId }),
  logVolunteerHours: (id, body) => post(path('volunteers', id, 'hours'), body),
  reconfirmVolunteer: (id, comment) => post(path('volunteers', id, 'reconfirm'), { comment }),
  setVolunteerActive: (id, action, reason) => post(path('volunteers', id, action), { reason }),
  confirmVolunteerHours: (id) => post(path('volunteer-hours', id, 'confirm'), {}),
  rejectVolunteerHours: (id, reason) =>
    post(path('volunteer-hours', id, 'reject'), { reason } satisfies HoursRejectBody),
  async confirmVolunteerHoursBulk(ids) {
    const { json } = await httpClient('/api/volunteer-hours/confirm', {
      method: 'POST',
      body: JSON.stringify({ ids } satisfies HoursBulkConfirmBody),
    });
    return json as BulkConfirmResult;
  },
  addTeamMember: (teamId, volunteerId) =>
    post(path('volunteer-teams', teamId, 'members'), { volunteerId } satisfies TeamMemberBody),
  async getWorkflowAssignees(id) {
    const { json } = await httpClient(path('workflows', id, 'assignees'));
    return json as Assignee[];
  },
  reassignWorkflow: (id, body) => post(path('workflows', id, 'reassign'), body),
  extendWorkflow: (id, body) => post(path('workflows', id, 'extend'), body),
  remindWorkflow: (id, reason) => post(path('workflows', id, 'remind'), { reason }),
  retryWorkflow: (id, reason) => post(path('workflows', id, 'retry'), { reason }),
  terminateWorkflow: (id, reason) => post(path('workflows', id, 'terminate'), { reason }),
  async getDashboard() {
    const { json } = await httpClient('/api/dashboard');
    return json as DistrictOverview;
  },
  markNotificationRead: (id) => post(path('notifications', id, 'read'), {}),
  async markAllNotificationsRead() {
    const { json } = await httpClient('/api/notifications/read-all', { method: 'POST', body: JSON.stringify({}) });
    return json as ReadAllResult;
  },
  completeCaseworkTask: (id, outcome) =>
    post(path('casework-tasks', id, 'done'), { outcome } satisfies CaseworkTaskDoneBody),
  async setCareFlags(householdId, body) {
    const { json } = await httpClient(path('households', householdId, 'care-flags'), {
      method: 'PUT',
      body: JSON.stringify(body),
    });
    return { data: json as RaRecord };
  },
  recordHomeVisit: (homeVisitId, body) => post(path('home-visits', homeVisitId, 'records'), body),
};
