import { Box, Stack, Typography, useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { percent } from './percent';
import type { CoverageRow } from './types';

const c = (key: string) => `shequ.coverage.${key}`;

/** Active volunteers per community beside the 1 % target; a community short of it in orange. */
export const CoverageChart = ({ data }: { data: CoverageRow[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const rows = data.map((r) => ({
    name: r.communityName,
    active: r.active,
    target: r.target,
    ratio: r.ratio,
    met: r.met,
    residents: r.residents,
  }));
  const short = theme.palette.warning.main;
  const met = theme.palette.success.main;
  const target = theme.palette.grey[400];
  // the bars of one series differ in colour, so the key is drawn here rather than by the chart
  const key: [string, string][] = [
    [met, translate(c('active_met'))],
    [short, translate(c('active_short'))],
    [target, translate(c('target'))],
  ];
  return (
    <>
      <div
        className="shequ-coverage-chart"
        role="img"
        aria-label={translate(c('chart'))}
        style={{ width: '100%', height: 300, padding: '8px 0' }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tick={{ fontSize: 12 }} allowDecimals={false} width={48} />
            <Tooltip
              formatter={(value, name, item) => {
                const p = (item as { payload?: { ratio: number; residents: number } }).payload;
                return name === translate(c('active')) && p
                  ? [
                      `${String(value)}（${percent(p.ratio)}，${translate(c('residents_n'), { residents: p.residents })}）`,
                      name,
                    ]
                  : [value, name];
              }}
            />
            <Bar dataKey="active" name={translate(c('active'))} isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.name} fill={r.met ? met : short} />
              ))}
            </Bar>
            <Bar dataKey="target" name={translate(c('target'))} fill={target} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Stack direction="row" spacing={2} justifyContent="center" useFlexGap flexWrap="wrap" sx={{ pb: 1 }}>
        {key.map(([colour, text]) => (
          <Stack key={text} direction="row" spacing={0.5} alignItems="center">
            <Box sx={{ width: 12, height: 12, bgcolor: colour }} />
            <Typography variant="caption">{text}</Typography>
          </Stack>
        ))}
      </Stack>
    </>
  );
};
