import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { householdSchema } from '../../../contract/households';
import type { householdStorySchema } from '../../../contract/household-story';
import type { HouseholdCare } from '../home-visits/types';
import type { Member } from '../common/types';
import type { Stage } from '../common/stages';

/** A list row (GET /api/households); its page adds the members, so they are optional. */
export type Household = RaRecord &
  Omit<z.output<typeof householdSchema>, 'stage'> & {
    // The contract types the stage and a member's relation as plain strings; the console reads them as its own lists.
    stage: Stage | null;
    members?: Member[];
    story?: HouseholdStory;
    care?: HouseholdCare;
  };

export type HouseholdStory = z.output<typeof householdStorySchema>;
