import { Box, Stack, Typography, useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { workflowKinds } from '../workflows/types';
import { kindColor } from './kindColors';
import { stageLabel } from './stageLabel';
import type { OpenByStage } from './types';

const kindOrder = (kind: string) => {
  const i = (workflowKinds as readonly string[]).indexOf(kind);
  return i < 0 ? workflowKinds.length : i;
};

// Stages where a case rests rather than waits on someone (an enrolled household, an active
// volunteer, a placed worker): hundreds of them would flatten the bars of the work in progress,
// so they are counted above the chart instead.
const settled: Record<string, readonly string[]> = {
  benefit: ['enrolled', 'gradual_exit', 'suspended'],
  volunteer: ['active'],
  referral: ['placed'],
};
const isSettled = (r: OpenByStage) => settled[r.kind]?.includes(r.stage) ?? false;

/** Open cases per stage in progress, the stages of one kind side by side in that kind's colour. */
export const OpenByStageChart = ({ rows }: { rows: OpenByStage[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const resting = rows.filter(isSettled).sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  const data = rows
    .filter((r) => !isSettled(r))
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind))
    .map((r) => ({
      key: `${r.kind}:${r.stage}`,
      kind: r.kind,
      name: stageLabel(translate, r.kind, r.stage),
      count: r.count,
    }));
  const kinds = [...new Set(data.map((d) => d.kind))];
  return (
    <>
      <Stack direction="row" spacing={3} useFlexGap flexWrap="wrap" sx={{ mb: 1 }} className="shequ-settled-counts">
        {resting.map((r) => (
          <Box key={`${r.kind}:${r.stage}`}>
            <Typography variant="h6" component="span" sx={{ color: kindColor(theme, r.kind) }}>
              {r.count.toLocaleString()}
            </Typography>{' '}
            <Typography variant="body2" component="span" color="text.secondary">
              {stageLabel(translate, r.kind, r.stage)} · {translate(`shequ.workflow_kind.${r.kind}`, { _: r.kind })}
            </Typography>
          </Box>
        ))}
      </Stack>
      <div
        className="shequ-open-by-stage-chart"
        role="img"
        aria-label={translate('shequ.overview.open_by_stage')}
        style={{ width: '100%', height: 280 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 48, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={-35} textAnchor="end" />
            <YAxis tick={{ fontSize: 12 }} allowDecimals={false} width={40} />
            <Tooltip
              formatter={(value, _name, item) => [
                value,
                translate(`shequ.workflow_kind.${(item as { payload?: { kind: string } }).payload?.kind}`, { _: '' }),
              ]}
            />
            <Bar
              dataKey="count"
              name={translate('shequ.overview.open_cases')}
              maxBarSize={48}
              isAnimationActive={false}
            >
              {data.map((d) => (
                <Cell key={d.key} fill={kindColor(theme, d.kind)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* the bars of one series differ in colour, so the key is drawn here rather than by the chart */}
      <Stack direction="row" spacing={2} justifyContent="center" useFlexGap flexWrap="wrap">
        {kinds.map((k) => (
          <Stack key={k} direction="row" spacing={0.5} alignItems="center">
            <Box sx={{ width: 12, height: 12, bgcolor: kindColor(theme, k) }} />
            <Typography variant="caption">{translate(`shequ.workflow_kind.${k}`, { _: k })}</Typography>
          </Stack>
        ))}
      </Stack>
    </>
  );
};
