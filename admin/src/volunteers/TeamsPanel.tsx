import { Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import type { Volunteer } from './types';

/** The service teams she belongs to, each a link to the team. */
export const TeamsPanel = ({ record }: { record: Volunteer }) => {
  const translate = useTranslate();
  const teams = record.teams ?? [];
  return (
    <Section title="shequ.section.volunteer_teams" className="shequ-volunteer-teams">
      {teams.length === 0 ? (
        <Typography color="text.secondary">{translate('shequ.volunteer.no_teams')}</Typography>
      ) : (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {teams.map((t) => (
            <Chip
              key={t.id}
              component={Link}
              to={`/volunteer-teams/${t.id}/show`}
              clickable
              variant="outlined"
              color="primary"
              label={`${t.name} · ${translate(`shequ.team_kind.${t.kind}`, { _: t.kind })}`}
              data-team-id={t.id}
            />
          ))}
        </Stack>
      )}
    </Section>
  );
};
