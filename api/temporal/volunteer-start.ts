import { volunteerPolicy } from '../../config/volunteer-policy.js';
import { closedVolunteerStages } from '../../domain/volunteer-stages.js';
import type { VolunteerInput } from '../../workflows/volunteer-messages.js';
import type { CaseKind } from './case-start.js';

export const volunteerKind: CaseKind = {
  kind: 'volunteer',
  table: 'volunteers',
  workflowType: 'volunteer',
  initialStage: 'registered',
  closedStages: closedVolunteerStages,
  args: (id, env): [VolunteerInput] => [{ volunteerId: id, policy: volunteerPolicy(env) }],
};
