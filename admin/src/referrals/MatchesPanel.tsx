import SendIcon from '@mui/icons-material/Send';
import { LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { PlacesLeft } from '../common/PlacesLeft';
import { ScrollX } from '../common/ScrollX';
import { Section } from '../common/Section';
import { formatFenRange } from '../common/money';
import { useFormatInstant } from '../common/time';
import { MatchReasons } from './MatchReasons';
import { ranked } from './polling';
import { ProposeDialog } from './ProposeDialog';
import type { Match, Referral } from './types';

const m = (field: string) => `shequ.match.${field}`;

/** The openings ranked for this seeker, best first, each with its score and the reasons for it. */
export const MatchesPanel = ({ record }: { record: Referral }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const [proposing, setProposing] = useState<Match | null>(null);
  const matches = record.matches ?? [];
  const canPropose = record.allowedActions?.includes('propose') ?? false;
  const ranking = record.stage === 'matching' && !ranked(record);
  // Once placed (or closed) the ranking no longer matters; leaving the job brings it back.
  if (record.stage === 'placed' || record.stage === 'closed' || record.stage === 'withdrawn') return null;
  return (
    <Section title="shequ.section.matches" className="shequ-matches">
      {ranking && (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate(m('ranking'))}
          </Typography>
          <LinearProgress sx={{ my: 1 }} />
        </>
      )}
      {record.matchedAt && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
          {translate(m('ranked_at'), { at: format(record.matchedAt) })}
        </Typography>
      )}
      {matches.length === 0 ? (
        !ranking && (
          <Typography color="text.secondary">{translate(record.matchedAt ? m('none') : m('not_yet'))}</Typography>
        )
      ) : (
        <ScrollX>
          <Table size="small" sx={{ '& td': { verticalAlign: 'top' }, '& th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(m('rank'))}</TableCell>
                <TableCell>{translate(m('title'))}</TableCell>
                <TableCell>{translate(m('streetName'))}</TableCell>
                <TableCell align="right">{translate(m('wage'))}</TableCell>
                <TableCell align="right">{translate(m('placesLeft'))}</TableCell>
                <TableCell align="right">{translate(m('score'))}</TableCell>
                <TableCell>{translate(m('reasons'))}</TableCell>
                {canPropose && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {matches.map((match) => {
                const offerable = match.status === 'open' && match.placesLeft > 0;
                return (
                  <TableRow
                    key={match.openingId}
                    data-opening-id={match.openingId}
                    data-rank={match.rank}
                    sx={offerable ? undefined : { opacity: 0.6 }}
                  >
                    <TableCell>{match.rank}</TableCell>
                    <TableCell sx={{ minWidth: 160 }}>
                      <Typography variant="body2" fontWeight={500}>
                        {match.title}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {match.employerName}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{match.streetName}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatFenRange(match.wageMinFen, match.wageMaxFen)}
                    </TableCell>
                    <TableCell align="right">
                      <PlacesLeft left={match.placesLeft} />
                    </TableCell>
                    <TableCell align="right">
                      <Typography variant="h6" component="span" data-score={match.score}>
                        {match.score}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ minWidth: 320 }}>
                      <MatchReasons reasons={match.reasons} />
                    </TableCell>
                    {canPropose && (
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Button
                          label="shequ.propose.button"
                          variant="outlined"
                          size="small"
                          disabled={!offerable}
                          onClick={() => setProposing(match)}
                          data-action="propose"
                        >
                          <SendIcon />
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollX>
      )}
      {proposing && <ProposeDialog record={record} match={proposing} onClose={() => setProposing(null)} />}
    </Section>
  );
};
