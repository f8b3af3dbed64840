import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from './money';
import { StageChip } from './StageChip';
import { useFormatInstant } from './time';
import type { Decision } from './types';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Money in fen reads as yuan; flags as yes / no; instants in Beijing time; lists joined; the rest as it is. */
function show(
  key: string,
  value: unknown,
  translate: (k: string, o?: object) => string,
  format: (iso: string) => string,
): string {
  if (key.endsWith('Fen') && typeof value === 'number') return formatFen(value);
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (key === 'outcome' && typeof value === 'string') return translate(`shequ.outcome.${value}`, { _: value });
  if (key === 'changeKind' && typeof value === 'string') return translate(`shequ.change_kind.${value}`);
  if (key === 'suitability' && typeof value === 'string') return translate(`shequ.suitability.${value}`, { _: value });
  if (key === 'reasonKind' && typeof value === 'string') return translate(`shequ.refusal.kind.${value}`, { _: value });
  if (key === 'hours' && typeof value === 'number') return String(Math.round(value * 10) / 10);
  if (key === 'level' && typeof value === 'number' && value >= 1 && value <= 5) return '★'.repeat(value);
  if (key.endsWith('At') && typeof value === 'string' && ISO_INSTANT.test(value)) return format(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The label of a transition; an approval reads as what it was at its level. Another process
 * (referrals) names its decisions under its own prefix, falling back to the shared labels. */
const decisionKey = (d: Decision, prefix: string) =>
  d.decision === 'approve' && d.fromStage ? `${prefix}.approve_at.${d.fromStage}` : `${prefix}.${d.decision}`;

/** Small key: value lines for a transition's details (objection, home visit, outcome…). */
const Details = ({ details, comment, prefix }: { details: unknown; comment: string; prefix?: string }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  if (details === null || details === undefined) return null;
  if (typeof details !== 'object' || Array.isArray(details)) {
    return (
      <Typography variant="caption" component="div">
        {JSON.stringify(details)}
      </Typography>
    );
  }
  const entries = Object.entries(details as Record<string, unknown>).filter(
    ([, v]) => v !== null && v !== undefined && v !== '' && v !== comment,
  );
  if (entries.length === 0) return null;
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        mt: 0.5,
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        columnGap: 1,
        typography: 'caption',
        color: 'text.secondary',
      }}
    >
      {entries.map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Box component="dt">
            {translate(prefix ? `${prefix}.${k}` : `shequ.detail.${k}`, {
              _: translate(`shequ.detail.${k}`, { _: k }),
            })}
          </Box>
          <Box component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
            {show(k, v, translate, format)}
          </Box>
        </Box>
      ))}
    </Box>
  );
};

/**
 * Every transition of a case, oldest first: when (Beijing time), who, from → to, comment.
 * `detailPrefix`: where a process names its details' keys first (falling back to the shared labels).
 */
export const Timeline = ({
  decisions,
  decisionPrefix = 'shequ.decision',
  detailPrefix,
}: {
  decisions: Decision[] | undefined;
  decisionPrefix?: string;
  detailPrefix?: string;
}) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!decisions || decisions.length === 0) {
    return <Typography color="text.secondary">{translate('shequ.timeline.empty')}</Typography>;
  }
  return (
    <Box
      component="ol"
      sx={{ listStyle: 'none', m: 0, p: 0 }}
      aria-label={translate('shequ.timeline.title')}
      className="shequ-timeline"
    >
      {decisions.map((d, i) => (
        <Box
          component="li"
          key={d.id ?? d.seq}
          data-decision={d.decision}
          sx={{ position: 'relative', pl: 3, pb: i === decisions.length - 1 ? 0 : 2 }}
        >
          {/* the rail and the dot */}
          <Box
            sx={{
              position: 'absolute',
              left: 6,
              top: 6,
              bottom: 0,
              borderLeft: i === decisions.length - 1 ? 'none' : '2px solid',
              borderColor: 'divider',
            }}
          />
          <Box
            sx={{
              position: 'absolute',
              left: 1,
              top: 4,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: d.actorName ? 'primary.main' : 'grey.500',
            }}
          />
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}>
              {format(d.at)}
            </Typography>
            <Typography variant="body2" fontWeight={500}>
              {translate(decisionKey(d, decisionPrefix), {
                _: translate(`shequ.decision.${d.decision}`, { _: d.decision }),
              })}
            </Typography>
            {d.fromStage && <StageChip stage={d.fromStage} />}
            {d.fromStage && <ArrowForwardIcon fontSize="small" color="action" />}
            <StageChip stage={d.toStage} />
          </Stack>
          <Typography variant="body2" sx={{ mt: 0.25 }}>
            {d.actorName ?? translate('shequ.timeline.system')}
            {d.actorName && d.actorRole && (
              <Typography component="span" variant="body2" color="text.secondary">
                {' · '}
                {translate(`shequ.role.${d.actorRole}`, { _: d.actorRole })}
              </Typography>
            )}
          </Typography>
          {d.comment && (
            <Typography variant="body2" sx={{ mt: 0.25, whiteSpace: 'pre-wrap', fontStyle: 'italic' }}>
              “{d.comment}”
            </Typography>
          )}
          <Details details={d.details} comment={d.comment} prefix={detailPrefix} />
        </Box>
      ))}
    </Box>
  );
};
