import type { RaRecord } from 'react-admin';

/** One community of GET /api/volunteer-coverage: active volunteers against 1 % of residents. */
export interface CoverageRow extends RaRecord {
  /** The community's id. */
  id: number;
  communityName: string;
  streetId: number;
  streetName: string;
  residents: number;
  /** 1 % of residents, rounded up. */
  target: number;
  active: number;
  /** active / residents, e.g. 0.0123. */
  ratio: number;
  met: boolean;
}
