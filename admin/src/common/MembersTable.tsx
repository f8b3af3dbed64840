import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate, type Identifier } from 'react-admin';
import { ScrollX } from './ScrollX';
import { formatFen } from './money';
import { RevealButton } from './RevealButton';
import type { Member } from './types';

const label = (field: string) => `resources.applications.member.${field}`;

/**
 * A household's members with masked ID numbers, declared and verified income. With `reveal`
 * (the record the members are read through), roles allowed to see one full number get "Show".
 */
export const MembersTable = ({
  members,
  reveal,
}: {
  members: Member[] | undefined;
  reveal?: { resource: 'applications' | 'households'; id: Identifier };
}) => {
  const translate = useTranslate();
  if (!members?.length) return null;
  const showVerified = members.some((m) => m.verifiedIncomeFen !== null && m.verifiedIncomeFen !== undefined);
  return (
    <ScrollX>
      <Table size="small" sx={{ '& th, & td': { whiteSpace: 'nowrap' } }} className="shequ-members">
        <TableHead>
          <TableRow>
            <TableCell>{translate(label('name'))}</TableCell>
            <TableCell>{translate(label('idNumberMasked'))}</TableCell>
            <TableCell>{translate(label('relation'))}</TableCell>
            <TableCell>{translate(label('birthDate'))}</TableCell>
            <TableCell>{translate(label('disabled'))}</TableCell>
            <TableCell align="right">{translate(label('monthlyIncomeFen'))}</TableCell>
            {showVerified && <TableCell align="right">{translate(label('verifiedIncomeFen'))}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.id} sx={m.leftHousehold ? { opacity: 0.6 } : undefined}>
              <TableCell>
                {m.name}
                {m.leftHousehold && (
                  <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={translate(label('leftHousehold'))} />
                )}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>
                {reveal ? (
                  <RevealButton
                    resource={reveal.resource}
                    id={reveal.id}
                    field="idNumber"
                    memberId={m.id}
                    masked={m.idNumberMasked}
                  />
                ) : (
                  m.idNumberMasked
                )}
              </TableCell>
              <TableCell>{translate(`shequ.relation.${m.relation}`, { _: m.relation })}</TableCell>
              <TableCell>{m.birthDate}</TableCell>
              <TableCell>{translate(m.disabled ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
              <TableCell align="right">{formatFen(m.monthlyIncomeFen)}</TableCell>
              {showVerified && (
                <TableCell align="right">
                  {typeof m.verifiedIncomeFen === 'number' ? formatFen(m.verifiedIncomeFen) : '—'}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};
