import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { concernKinds, visitOutcomes } from '../../../domain/home-visits';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { TextAreaField } from '../common/TextAreaField';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import type { HomeVisit, VisitOutcome, VisitRecordBody } from '../home-visits/types';

const c = (key: string) => `shequ.care.${key}`;

type ConcernKind = (typeof concernKinds)[number];

/**
 * What one volunteer found on the visit: done, nobody home, or a concern (a kind and a note)
 * that becomes a task for the caseworker. Saving confirms her hours of the visit, so the
 * minutes start at the activity's length, the most the API accepts.
 */
export const VisitRecordDialog = ({
  visit,
  volunteer,
  onClose,
}: {
  visit: HomeVisit;
  volunteer: { id: number; name: string };
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const longest = Math.max(1, Math.ceil((Date.parse(visit.endsAt) - Date.parse(visit.startsAt)) / 60_000));
  const [outcome, setOutcome] = useState<VisitOutcome>('done');
  const [concernKind, setConcernKind] = useState<ConcernKind | ''>('');
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState(String(longest));
  const { mutate, isPending, error } = useActionMutation(
    (body: VisitRecordBody) => dataProvider.recordHomeVisit(visit.id, body),
    { done: c('recorded'), onDone: onClose, conflictInDialog: true },
  );
  const f = error?.fields ?? {};
  const m = Number(minutes);
  const concern = outcome === 'concern';
  const ready =
    Number.isInteger(m) && m >= 1 && m <= longest && (!concern || (concernKind !== '' && note.trim() !== ''));
  const submit = () =>
    mutate({
      volunteerId: volunteer.id,
      outcome,
      concernKind: concern && concernKind ? concernKind : null,
      note: note.trim(),
      minutes: m,
    });
  return (
    <Dialog open onClose={isPending ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(c('record_title'), { name: volunteer.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(c('record_help'))}</DialogContentText>
        <FormControl sx={{ mt: 1 }}>
          <FormLabel>{translate(c('outcome_label'))}</FormLabel>
          <RadioGroup row value={outcome} onChange={(e) => setOutcome(e.target.value as VisitOutcome)} name="outcome">
            {visitOutcomes.map((o) => (
              <FormControlLabel key={o} value={o} control={<Radio />} label={translate(c(`outcome.${o}`))} />
            ))}
          </RadioGroup>
        </FormControl>
        {concern && (
          <TextField
            select
            fullWidth
            required
            margin="dense"
            name="concernKind"
            label={translate(c('concern_kind'))}
            value={concernKind}
            onChange={(e) => setConcernKind(e.target.value as ConcernKind)}
            error={!!f.concernKind}
            helperText={f.concernKind ?? ' '}
          >
            {concernKinds.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(c(`concern.${k}`))}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextAreaField
          name="note"
          label={translate(c(concern ? 'concern_note' : 'note'))}
          value={note}
          onChange={setNote}
          error={f.note}
          maxLength={1000}
          required={concern}
        />
        <TextField
          type="number"
          required
          margin="dense"
          name="minutes"
          label={translate(c('minutes'))}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={!!f.minutes || (minutes !== '' && !(m >= 1 && m <= longest))}
          helperText={f.minutes ?? translate(c('minutes_help'), { max: longest })}
          slotProps={{ htmlInput: { min: 1, max: longest, step: 1 } }}
        />
        <ActionErrorAlert error={error} shown={['concernKind', 'note', 'minutes']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
        <Button label={c('record')} variant="contained" disabled={!ready || isPending} onClick={submit} />
      </DialogActions>
    </Dialog>
  );
};
