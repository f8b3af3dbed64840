import { useTheme } from '@mui/material';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { formatPercent, weekPercent } from './slaPercent';
import type { SlaWeek } from './types';

/** On-time share per week; a week with nothing completed is a gap, not a zero. */
export const SlaChart = ({ weeks }: { weeks: SlaWeek[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const data = weeks.map((w) => ({
    week: w.week.slice(5),
    from: w.week,
    percent: weekPercent(w),
    onTime: w.onTime,
    completed: w.completed,
  }));
  return (
    <div
      className="shequ-sla-chart"
      role="img"
      aria-label={translate('shequ.overview.sla')}
      style={{ width: '100%', height: 240 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} tickFormatter={(v: number) => `${v}%`} width={48} />
          <Tooltip
            labelFormatter={(_label, items) =>
              translate('shequ.overview.week_of', {
                date: (items?.[0]?.payload as { from?: string } | undefined)?.from ?? '',
              })
            }
            formatter={(_value, _name, item) => {
              const p = (item as { payload?: { percent: number | null; onTime: number; completed: number } }).payload;
              return p
                ? [
                    translate('shequ.overview.sla_week', {
                      percent: formatPercent(p.percent),
                      onTime: p.onTime,
                      completed: p.completed,
                    }),
                    translate('shequ.overview.on_time'),
                  ]
                : '';
            }}
          />
          <Line
            type="monotone"
            dataKey="percent"
            name={translate('shequ.overview.on_time')}
            stroke={theme.palette.success.main}
            strokeWidth={2}
            dot
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};
