import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { coverageRowSchema } from '../../../contract/volunteer-coverage';

/** One community of GET /api/volunteer-coverage: active volunteers against 1 % of residents (contract/volunteer-coverage.ts). */
export type CoverageRow = z.output<typeof coverageRowSchema> & RaRecord;
