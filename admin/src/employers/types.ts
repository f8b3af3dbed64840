import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { employerSchema } from '../../../contract/employers';

export type Employer = z.output<typeof employerSchema> & RaRecord;
