import type { RaRecord } from 'react-admin';

/** One street and month of GET /api/placement-report: placements, and who stayed at 1/3/6 months. */
export interface ReportRow extends RaRecord {
  /** `<streetId>:<YYYY-MM>` */
  id: string;
  streetId: number;
  streetName: string;
  month: string;
  placed: number;
  due1: number;
  retained1: number;
  rate1: number | null;
  due3: number;
  retained3: number;
  rate3: number | null;
  due6: number;
  retained6: number;
  rate6: number | null;
}
