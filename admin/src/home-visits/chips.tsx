import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CareFlag, HomeVisit, VisitRecord } from './types';

// How a household's care flags, a planned visit's status and a visit's outcome look, wherever shown.

export const CareFlagChips = ({ flags }: { flags: readonly CareFlag[] }) => {
  const translate = useTranslate();
  if (!flags.length) return <>{translate('shequ.care.none')}</>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" className="shequ-care-flags">
      {flags.map((f) => (
        <Chip key={f} size="small" color="secondary" label={translate(`shequ.care.flag.${f}`)} data-flag={f} />
      ))}
    </Stack>
  );
};

const statusColor = { open: 'info', visited: 'success', missed: 'error' } as const;

export const VisitStatusChip = ({ visit }: { visit: Pick<HomeVisit, 'status' | 'missedStreak'> }) => {
  const translate = useTranslate();
  const label = translate(`shequ.care.status.${visit.status}`);
  return (
    <Chip
      size="small"
      color={statusColor[visit.status]}
      label={
        visit.missedStreak > 1
          ? `${label} · ${translate('shequ.care.missed_streak', { n: visit.missedStreak })}`
          : label
      }
      data-visit-status={visit.status}
    />
  );
};

const outcomeColor = { done: 'success', not_home: 'warning', concern: 'error' } as const;

export const OutcomeChip = ({ record }: { record: Pick<VisitRecord, 'outcome' | 'concernKind'> }) => {
  const translate = useTranslate();
  const label = translate(`shequ.care.outcome.${record.outcome}`);
  return (
    <Chip
      size="small"
      variant="outlined"
      color={outcomeColor[record.outcome]}
      label={record.concernKind ? `${label}：${translate(`shequ.care.concern.${record.concernKind}`)}` : label}
      data-outcome={record.outcome}
    />
  );
};
