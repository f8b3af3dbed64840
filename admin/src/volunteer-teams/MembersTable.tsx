import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { StageChip } from '../common/StageChip';
import { Stars } from '../volunteers/Stars';
import type { TeamMember } from './types';

const m = (field: string) => `resources.volunteer-teams.member.${field}`;

/** The team's volunteers with their stage and stars. */
export const MembersTable = ({ members }: { members: TeamMember[] }) => {
  const translate = useTranslate();
  if (members.length === 0)
    return <Typography color="text.secondary">{translate('resources.volunteer-teams.no_members')}</Typography>;
  return (
    <ScrollX>
      <Table size="small" className="shequ-team-members">
        <TableHead>
          <TableRow>
            <TableCell>{translate(m('name'))}</TableCell>
            <TableCell>{translate(m('stage'))}</TableCell>
            <TableCell>{translate(m('starLevel'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((v) => (
            <TableRow key={v.volunteerId} data-volunteer-id={v.volunteerId}>
              <TableCell>
                <MuiLink component={Link} to={`/volunteers/${v.volunteerId}/show`}>
                  {v.name}
                </MuiLink>
              </TableCell>
              <TableCell>
                <StageChip stage={v.stage} />
              </TableCell>
              <TableCell>
                <Stars level={v.starLevel} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
