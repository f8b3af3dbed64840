import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { MatchReason } from './types';

/** Every point of a score and why, so the caseworker can explain the proposal to the seeker. */
export const MatchReasons = ({ reasons }: { reasons: MatchReason[] }) => {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2, typography: 'caption' }} className="shequ-match-reasons">
      {reasons.map((r) => (
        <li key={r.factor} data-factor={r.factor}>
          <strong>
            {translate(`shequ.match.factor.${r.factor}`, { _: r.factor })} +{r.points}
          </strong>
          {' · '}
          {r.text}
        </li>
      ))}
    </Box>
  );
};
