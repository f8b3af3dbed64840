import { Link as MuiLink, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { workflowsUrl } from '../workflows/choices';
import { stuckReasons } from '../workflows/types';
import { BigNumber, OverviewCard } from './OverviewCard';
import type { DistrictOverview } from './types';

/** Stuck workflows by why they are stuck; each reason opens the list filtered by it. */
export const StuckByReasonCard = ({ rows }: { rows: DistrictOverview['stuckByReason'] }) => {
  const translate = useTranslate();
  const counts = new Map(rows.map((r) => [r.reason, r.count]));
  // every known reason, zero included (so a clear district reads as such), then any the console does not know yet
  const reasons = [
    ...stuckReasons,
    ...rows.map((r) => r.reason).filter((r) => !(stuckReasons as readonly string[]).includes(r)),
  ];
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <OverviewCard title="shequ.overview.stuck_by_reason" className="shequ-stuck-by-reason">
      <BigNumber value={total} />
      <Table size="small">
        <TableBody>
          {reasons.map((r) => (
            <TableRow key={r} data-reason={r}>
              <TableCell sx={{ pl: 0 }}>
                <MuiLink component={Link} to={workflowsUrl({ reason: r })}>
                  {translate(`shequ.workflow_reason.${r}`, { _: r })}
                </MuiLink>
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', pr: 0 }}>
                {counts.get(r) ?? 0}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </OverviewCard>
  );
};
