import { Alert, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from './money';
import type { Calculation } from './types';

const c = (field: string) => `shequ.calc.${field}`;

/** The amount and why: the inputs, the formula and the result, exactly as the API stored them. */
export const CalculationView = ({
  calculation,
  dense = false,
}: {
  calculation: Calculation | null | undefined;
  dense?: boolean;
}) => {
  const translate = useTranslate();
  if (!calculation) return <Typography color="text.secondary">{translate(c('none'))}</Typography>;
  const rows: [string, string][] = [
    [
      c('standard'),
      `${formatFen(calculation.standardFen)} (${translate(c('effective_from'), { date: calculation.standardEffectiveFrom })})`,
    ],
    [c('floor_per_person'), formatFen(calculation.floorPerPersonFen)],
    [c('members'), String(calculation.members)],
    [c('total_income'), formatFen(calculation.totalIncomeFen)],
    [c('per_capita_income'), formatFen(calculation.perCapitaIncomeFen)],
    [c('gap'), formatFen(calculation.gapFen)],
    [c('floor_total'), formatFen(calculation.floorFen)],
  ];
  return (
    <Box className="shequ-calculation">
      <Typography variant={dense ? 'h6' : 'h5'} component="div" data-amount-fen={calculation.amountFen}>
        {formatFen(calculation.amountFen)}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {translate(c('per_month'))}
        </Typography>
      </Typography>
      {!calculation.eligible && (
        <Alert severity="warning" sx={{ my: 1 }}>
          {translate(c('not_eligible'))}
        </Alert>
      )}
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          columnGap: 2,
          rowGap: 0.25,
          my: 1,
          typography: 'body2',
        }}
      >
        {rows.map(([k, v]) => (
          <Box key={k} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {translate(k)}
            </Box>
            <Box component="dd" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>
              {v}
            </Box>
          </Box>
        ))}
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate(c('formula'))}
      </Typography>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-word' }} className="shequ-formula">
        {calculation.formula}
      </Typography>
    </Box>
  );
};
