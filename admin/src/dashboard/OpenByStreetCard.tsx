import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../common/ScrollX';
import { workflowKinds } from '../workflows/types';
import { OverviewCard } from './OverviewCard';
import type { OpenByStreet } from './types';

interface StreetRow {
  streetId: number;
  streetName: string;
  byKind: Map<string, number>;
  total: number;
}

function byStreet(rows: OpenByStreet[]): StreetRow[] {
  const streets = new Map<number, StreetRow>();
  for (const r of rows) {
    const s = streets.get(r.streetId) ?? {
      streetId: r.streetId,
      streetName: r.streetName,
      byKind: new Map(),
      total: 0,
    };
    s.byKind.set(r.kind, (s.byKind.get(r.kind) ?? 0) + r.count);
    s.total += r.count;
    streets.set(r.streetId, s);
  }
  return [...streets.values()].sort((a, b) => b.total - a.total || a.streetName.localeCompare(b.streetName, 'zh-CN'));
}

/** Open cases per street and kind, the busiest street first. */
export const OpenByStreetCard = ({ rows }: { rows: OpenByStreet[] }) => {
  const translate = useTranslate();
  const streets = byStreet(rows);
  const kinds = workflowKinds.filter((k) => rows.some((r) => r.kind === k));
  return (
    <OverviewCard title="shequ.overview.open_by_street" className="shequ-open-by-street">
      {streets.length === 0 ? (
        <Typography color="text.secondary">{translate('shequ.overview.no_open_cases')}</Typography>
      ) : (
        <ScrollX>
          <Table size="small" sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('shequ.overview.street')}</TableCell>
                {kinds.map((k) => (
                  <TableCell key={k} align="right">
                    {translate(`shequ.workflow_kind.${k}`)}
                  </TableCell>
                ))}
                <TableCell align="right">{translate('shequ.overview.total')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {streets.map((s) => (
                <TableRow key={s.streetId} data-street-id={s.streetId}>
                  <TableCell>{s.streetName}</TableCell>
                  {kinds.map((k) => (
                    <TableCell key={k} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {s.byKind.get(k) ?? 0}
                    </TableCell>
                  ))}
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
                    {s.total}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      )}
    </OverviewCard>
  );
};
