import type { RaRecord } from 'react-admin';
import { teamKinds, type TeamKind } from '../../../domain/volunteer-stages';
import type { VolunteerStage } from '../common/stages';

export { teamKinds };
export type { TeamKind };
export const teamKindChoices = teamKinds.map((id) => ({ id, name: `shequ.team_kind.${id}` }));

export interface TeamMember {
  volunteerId: number;
  name: string;
  stage: VolunteerStage;
  starLevel: number;
}

/** A row of GET /api/volunteer-teams; `memberList` comes with GET /api/volunteer-teams/:id only. */
export interface VolunteerTeam extends RaRecord {
  id: number;
  name: string;
  communityId: number;
  communityName: string;
  kind: TeamKind;
  leaderUserId: number | null;
  leaderName: string | null;
  /** How many volunteers. */
  members: number;
  /** How many activities. */
  activities: number;
  memberList?: TeamMember[];
}
