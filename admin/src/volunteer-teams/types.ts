import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type {
  teamLeaderSchema,
  teamMemberBody,
  volunteerTeamCreateBody,
  volunteerTeamDetailSchema,
  volunteerTeamSchema,
} from '../../../contract/volunteer-teams';
import { teamKinds, type TeamKind } from '../../../domain/volunteer-stages';
import type { VolunteerStage } from '../common/stages';

export { teamKinds };
export type { TeamKind };
export const teamKindChoices = teamKinds.map((id) => ({ id, name: `shequ.team_kind.${id}` }));

// Shapes of GET /api/volunteer-teams and /api/team-leaders: the API's own schemas (contract/volunteer-teams.ts).

type TeamDetail = z.output<typeof volunteerTeamDetailSchema>;

// The StageChip takes a volunteer's stage; the schema has the member's stage as a plain string.
export type TeamMember = Omit<TeamDetail['memberList'][number], 'stage'> & { stage: VolunteerStage };

/** A row of GET /api/volunteer-teams; `memberList` comes with GET /api/volunteer-teams/:id only. */
export type VolunteerTeam = z.output<typeof volunteerTeamSchema> & RaRecord & { memberList?: TeamMember[] };

/** A team leader account of the area (GET /api/team-leaders), to name a team's leader. */
export type TeamLeader = z.output<typeof teamLeaderSchema> & RaRecord;

/** The bodies of POST /api/volunteer-teams and /api/volunteer-teams/:id/members: the API's own schemas. */
export type VolunteerTeamCreateBody = z.input<typeof volunteerTeamCreateBody>;
export type TeamMemberBody = z.input<typeof teamMemberBody>;
