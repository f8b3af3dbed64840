import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button, useTranslate } from 'react-admin';
import type { BulkOutcome } from './bulkOutcome';
import type { VolunteerHours } from './types';

const c = (key: string) => `shequ.hours_confirm.${key}`;

/** After a bulk confirmation: the count, and every entry that was not confirmed and why. */
export const BulkResultDialog = ({
  outcome,
  rows,
  onClose,
}: {
  outcome: BulkOutcome;
  rows: Map<number, VolunteerHours>;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" className="shequ-bulk-result">
      <DialogTitle>{translate(c('result_title'))}</DialogTitle>
      <DialogContent>
        <Alert
          severity={outcome.failed.length === 0 ? 'success' : outcome.confirmed > 0 ? 'warning' : 'error'}
          data-confirmed={outcome.confirmed}
          data-failed={outcome.failed.length}
        >
          {translate(c('result'), { confirmed: outcome.confirmed, failed: outcome.failed.length })}
        </Alert>
        {outcome.failed.length > 0 && (
          <Table size="small" sx={{ mt: 1 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(c('entry'))}</TableCell>
                <TableCell>{translate(c('why'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {outcome.failed.map((f) => {
                const row = rows.get(f.id);
                return (
                  <TableRow key={f.id} data-hours-id={f.id} data-status={f.status}>
                    <TableCell>{row ? `#${f.id} ${row.volunteerName} · ${row.title}` : `#${f.id}`}</TableCell>
                    <TableCell>{f.message || translate(c(`status_${f.status}`), { _: String(f.status) })}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.close" variant="contained" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
};

interface Shown {
  outcome: BulkOutcome;
  rows: Map<number, VolunteerHours>;
}

const ShowContext = createContext<(shown: Shown) => void>(() => undefined);

/**
 * Holds the result above the list: confirming the last pending rows empties a list filtered to
 * "pending", which unmounts the bulk toolbar (and would take a dialog opened there with it).
 */
export const BulkResultProvider = ({ children }: { children: ReactNode }) => {
  const [shown, setShown] = useState<Shown | null>(null);
  return (
    <ShowContext.Provider value={setShown}>
      {children}
      {shown && <BulkResultDialog outcome={shown.outcome} rows={shown.rows} onClose={() => setShown(null)} />}
    </ShowContext.Provider>
  );
};

export const useShowBulkResult = () => useContext(ShowContext);
