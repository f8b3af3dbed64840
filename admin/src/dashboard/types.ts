import type { z } from 'zod';
import type { dashboardSchema } from '../../../contract/dashboard';

/** GET /api/dashboard: the district at a glance, in one answer (the supervisor's home page; contract/dashboard.ts). */
export type DistrictOverview = z.output<typeof dashboardSchema>;

export type OpenByStage = DistrictOverview['openByStage'][number];
export type OpenByStreet = DistrictOverview['openByStreet'][number];
export type SlaWeek = DistrictOverview['sla'][number];
export type DisbursementMonth = DistrictOverview['disbursements'][number];
