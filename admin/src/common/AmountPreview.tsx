import { Alert, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { computeAllowance, type AllowanceStandard } from '../../../domain/allowance';
import { formatFen } from './money';
import type { Calculation } from './types';

/** The allowance for these incomes under this standard, or null when it cannot be computed yet. */
export function previewAllowance(
  standard: AllowanceStandard | undefined,
  incomesFen: number[] | undefined,
): Calculation | null {
  if (!standard || !incomesFen || incomesFen.length === 0) return null;
  try {
    return computeAllowance({ standard, incomesFen });
  } catch {
    return null;
  }
}

interface Props {
  preview: Calculation | null;
  /** The amount paid now, to show the change. */
  currentFen?: number;
  /** When the new amount would start. */
  effectiveFrom?: string;
}

/** The recomputed amount, live while the figures are typed (the API recomputes on save). */
export const AmountPreview = ({ preview, currentFen, effectiveFrom }: Props) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }} className="shequ-amount-preview">
      <Typography variant="subtitle2">{translate('shequ.calc.preview')}</Typography>
      {preview ? (
        <>
          <Typography variant="h6" data-amount-fen={preview.amountFen}>
            {typeof currentFen === 'number' && currentFen !== preview.amountFen ? `${formatFen(currentFen)} → ` : ''}
            {formatFen(preview.amountFen)}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
              {translate('shequ.calc.per_month')}
            </Typography>
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-word' }}>
            {preview.formula}
          </Typography>
          {!preview.eligible && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {translate('shequ.calc.not_eligible')}
            </Alert>
          )}
        </>
      ) : (
        <Typography color="text.secondary">{translate('shequ.calc.preview_unavailable')}</Typography>
      )}
      {effectiveFrom && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('shequ.calc.effective_next_month', { date: effectiveFrom })}
        </Typography>
      )}
    </Box>
  );
};
