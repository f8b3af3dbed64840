import { SelectInput, useGetList } from 'react-admin';
import type { TeamLeader } from './types';

/** The team leader, chosen among the 团队负责人 accounts of the area (GET /api/team-leaders). Optional. */
export const LeaderInput = () => {
  const { data = [], isPending } = useGetList<TeamLeader>('team-leaders', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'displayName', order: 'ASC' },
  });
  return (
    <SelectInput
      source="leaderUserId"
      choices={data.map((l) => ({ id: l.id, name: `${l.displayName} · ${l.orgUnitName}` }))}
      isPending={isPending}
      emptyText="ra.action.clear_input_value"
      helperText="resources.volunteer-teams.helper.leaderUserId"
    />
  );
};
