import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { applicationDetailSchema, applicationSchema } from '../../../contract/applications';
import type { Decision, Member } from '../common/types';
import type { Stage } from '../common/stages';

type ApplicationRow = z.output<typeof applicationSchema>;
type ApplicationDetail = z.output<typeof applicationDetailSchema>;
type DuplicateCase = NonNullable<ApplicationDetail['duplicates']>[number];

/** A list row (GET /api/applications); its page (GET /api/applications/:id) adds the rest, so those are optional. */
export type Application = RaRecord &
  ApplicationRow &
  Partial<Omit<ApplicationDetail, keyof ApplicationRow | 'members' | 'duplicates' | 'decisions'>> & {
    // The contract types relations and stages as plain strings; the console reads them as its own lists.
    members?: Member[];
    duplicates?: (Omit<DuplicateCase, 'stage'> & { stage: Stage })[] | null;
    decisions?: Decision[];
  };
