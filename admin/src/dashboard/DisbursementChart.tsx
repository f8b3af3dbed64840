import { useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import type { DisbursementMonth } from './types';

/** Paid out per month, yuan on the axis, the exact amount (from integer fen) in the tooltip. */
export const DisbursementChart = ({ months }: { months: DisbursementMonth[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const data = months.map((m) => ({ period: m.period, yuan: m.totalFen / 100, fen: m.totalFen, lines: m.lines }));
  return (
    <div
      className="shequ-disbursement-chart"
      role="img"
      aria-label={translate('shequ.overview.disbursements')}
      style={{ width: '100%', height: 240 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => `¥${v.toLocaleString('en-US')}`} width={80} />
          <Tooltip
            formatter={(_value, _name, item) => {
              const p = (item as { payload?: { fen: number; lines: number } }).payload;
              return p
                ? [
                    `${formatFen(p.fen)}（${translate('shequ.disbursement.totals.lines_n', { lines: p.lines })}）`,
                    translate('shequ.overview.paid_out'),
                  ]
                : '';
            }}
          />
          <Bar
            dataKey="yuan"
            name={translate('shequ.overview.paid_out')}
            fill={theme.palette.primary.main}
            maxBarSize={40}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
