import { Checkbox, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from './money';
import type { Member } from './types';
import { fenToYuanText, parseYuan } from './yuanInput';

export interface IncomeRow {
  yuan: string;
  left: boolean;
}
export type IncomeRows = Record<number, IncomeRow>;

const label = (field: string) => `resources.applications.member.${field}`;

/** Starts each member at the latest known income (verified if any, else declared). */
export function initialIncomeRows(members: Member[], useVerified: boolean): IncomeRows {
  const rows: IncomeRows = {};
  for (const m of members) {
    const fen = useVerified && typeof m.verifiedIncomeFen === 'number' ? m.verifiedIncomeFen : m.monthlyIncomeFen;
    rows[m.id] = { yuan: fenToYuanText(fen), left: false };
  }
  return rows;
}

/** The figures to send, or undefined while an income is not a valid amount. */
export function incomeFigures(members: Member[], rows: IncomeRows, withLeft: boolean) {
  const out: { memberId: number; monthlyIncomeFen: number; left?: boolean }[] = [];
  for (const m of members) {
    const row = rows[m.id];
    const fen = row ? parseYuan(row.yuan) : undefined;
    if (fen === undefined || fen > 10_000_000) return undefined;
    out.push(
      withLeft ? { memberId: m.id, monthlyIncomeFen: fen, left: row.left } : { memberId: m.id, monthlyIncomeFen: fen },
    );
  }
  return out;
}

interface Props {
  members: Member[];
  rows: IncomeRows;
  onChange: (rows: IncomeRows) => void;
  /** Offer "left the household" (re-checks and changes). */
  allowLeft?: boolean;
  /** 400 messages by API field, e.g. `members.1.monthlyIncomeFen` or `findings.members.1.monthlyIncomeFen`. */
  errorFor?: (index: number) => string | undefined;
}

/** One verified monthly income per member, typed in yuan; optional "left" per member. */
export const IncomeEditor = ({ members, rows, onChange, allowLeft = false, errorFor }: Props) => {
  const translate = useTranslate();
  const set = (id: number, patch: Partial<IncomeRow>) => onChange({ ...rows, [id]: { ...rows[id], ...patch } });
  return (
    <Table size="small" className="shequ-income-editor">
      <TableHead>
        <TableRow>
          <TableCell>{translate(label('name'))}</TableCell>
          <TableCell>{translate(label('relation'))}</TableCell>
          <TableCell align="right">{translate(label('monthlyIncomeFen'))}</TableCell>
          <TableCell>{translate(label('currentIncomeYuan'))}</TableCell>
          {allowLeft && <TableCell>{translate(label('leftHousehold'))}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {members.map((m, i) => {
          const row = rows[m.id] ?? { yuan: '', left: false };
          const invalid = parseYuan(row.yuan) === undefined;
          const serverError = errorFor?.(i);
          return (
            <TableRow key={m.id} sx={row.left ? { opacity: 0.6 } : undefined}>
              <TableCell>
                {m.name}
                <div style={{ fontFamily: 'monospace', fontSize: '0.75rem' }}>{m.idNumberMasked}</div>
              </TableCell>
              <TableCell>{translate(`shequ.relation.${m.relation}`, { _: m.relation })}</TableCell>
              <TableCell align="right">
                {formatFen(typeof m.verifiedIncomeFen === 'number' ? m.verifiedIncomeFen : m.monthlyIncomeFen)}
              </TableCell>
              <TableCell>
                <TextField
                  size="small"
                  name={`income-${m.id}`}
                  value={row.yuan}
                  disabled={row.left}
                  onChange={(e) => set(m.id, { yuan: e.target.value })}
                  error={invalid || !!serverError}
                  helperText={serverError ?? (invalid ? translate('shequ.validation.yuan') : undefined)}
                  slotProps={{
                    htmlInput: {
                      inputMode: 'decimal',
                      'aria-label': `${m.name} ${translate(label('currentIncomeYuan'))}`,
                    },
                  }}
                  sx={{ width: 140 }}
                />
              </TableCell>
              {allowLeft && (
                <TableCell>
                  <Checkbox
                    checked={row.left}
                    onChange={(e) => set(m.id, { left: e.target.checked })}
                    slotProps={{ input: { 'aria-label': `${m.name} ${translate(label('leftHousehold'))}` } }}
                  />
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
