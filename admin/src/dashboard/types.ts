import type { WorkflowKind } from '../workflows/types';

// GET /api/dashboard: the district at a glance, in one answer (the supervisor's home page).

export interface OpenByStage {
  kind: WorkflowKind;
  stage: string;
  count: number;
}

export interface OpenByStreet {
  streetId: number;
  streetName: string;
  kind: WorkflowKind;
  count: number;
}

export interface SlaWeek {
  /** The week's Monday, YYYY-MM-DD. */
  week: string;
  completed: number;
  onTime: number;
  /** Null when nothing was completed that week: the line has a gap there. */
  percent: number | null;
}

export interface DisbursementMonth {
  /** YYYY-MM */
  period: string;
  totalFen: number;
  lines: number;
}

export interface DistrictOverview {
  openByStage: OpenByStage[];
  openByStreet: OpenByStreet[];
  overdueNow: { total: number; byKind: Partial<Record<WorkflowKind, number>> };
  /** 12 weeks, oldest first. */
  sla: SlaWeek[];
  stuckByReason: { reason: string; count: number }[];
  /** 12 months, oldest first. */
  disbursements: DisbursementMonth[];
  placementsThisMonth: number;
  volunteerHoursThisMonth: number;
}
