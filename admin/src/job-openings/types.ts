import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { jobOpeningSchema } from '../../../contract/job-openings';

export type JobOpening = z.output<typeof jobOpeningSchema> & RaRecord;
export type OpeningStatus = JobOpening['status'];

// A value for the choices (the contract is imported for its types only), checked against the API's statuses.
export const openingStatuses = ['open', 'closed'] as const satisfies readonly OpeningStatus[];
export const openingStatusChoices = openingStatuses.map((id) => ({ id, name: `shequ.opening_status.${id}` }));
