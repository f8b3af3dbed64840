import { useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import type { StreetTotal } from './types';

/** Amount per street as bars (yuan on the axis, exact fen in the tooltip). */
export const StreetChart = ({ totals }: { totals: StreetTotal[] }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const data = totals.map((t) => ({ name: t.streetName, yuan: t.amountFen / 100, fen: t.amountFen, lines: t.lines }));
  return (
    <div
      className="shequ-street-chart"
      role="img"
      aria-label={translate('shequ.disbursement.totals.chart')}
      style={{ width: '100%', height: 280 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => `¥${v.toLocaleString('en-US')}`} width={80} />
          <Tooltip
            formatter={(_value, _name, item) => {
              const p = (item as { payload?: { fen: number; lines: number } }).payload;
              return p
                ? [
                    `${formatFen(p.fen)}（${translate('shequ.disbursement.totals.lines_n', { lines: p.lines })}）`,
                    translate('shequ.disbursement.totals.amount'),
                  ]
                : '';
            }}
          />
          <Bar
            dataKey="yuan"
            name={translate('shequ.disbursement.totals.amount')}
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
