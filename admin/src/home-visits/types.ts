import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type {
  careFlagsBody,
  homeVisitSchema,
  householdCareSchema,
  visitRecordBody,
  visitRecordSchema,
} from '../../../contract/home-visits';

// Visits to flagged households: the API's own schemas (contract/home-visits.ts).

export type HouseholdCare = z.output<typeof householdCareSchema>;
export type CareFlag = HouseholdCare['flags'][number];
export type HomeVisit = z.output<typeof homeVisitSchema> & RaRecord;
export type VisitRecord = z.output<typeof visitRecordSchema>;
export type VisitOutcome = VisitRecord['outcome'];
export type CareFlagsBody = z.input<typeof careFlagsBody>;
export type VisitRecordBody = z.input<typeof visitRecordBody>;
