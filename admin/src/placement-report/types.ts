import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { placementReportRowSchema } from '../../../contract/placement-report';

/** One street and month of GET /api/placement-report: placements, and who stayed at 1/3/6 months. */
export type ReportRow = z.output<typeof placementReportRowSchema> & RaRecord;
