import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  InputAdornment,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { useFormatSpan } from '../common/time';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import { loggableAssignments } from './assignments';
import { activityMinutes, hoursToMinutes, minutesAsHours } from './hours';
import type { Assignment, LogHoursBody, Volunteer } from './types';

const l = (field: string) => `shequ.log_hours.${field}`;

interface Props {
  record: Volunteer;
  /** The assignment whose row was clicked; otherwise she picks one of those awaiting hours. */
  assignment?: Assignment;
  onClose: () => void;
}

/**
 * Hours served at an activity that is over, typed in hours ("2.5") and sent as minutes; the
 * team leader (or a caseworker) confirms them before they count towards her stars.
 */
export const LogHoursDialog = ({ record, assignment, onClose }: Props) => {
  const translate = useTranslate();
  const span = useFormatSpan();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const choices = assignment ? [assignment] : loggableAssignments(record.assignments);
  const [activityId, setActivityId] = useState<number | ''>(choices[0]?.activityId ?? '');
  const [hours, setHours] = useState('');
  const [touched, setTouched] = useState(false);
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    (body: LogHoursBody) => dataProvider.logVolunteerHours(record.id, body),
    {
      done: l('done'),
      onDone: close,
    },
  );
  const chosen = choices.find((c) => c.activityId === activityId);
  const maxMinutes = chosen ? activityMinutes(chosen.startsAt, chosen.endsAt) : undefined;
  const minutes = hoursToMinutes(hours);
  const tooMany = minutes !== undefined && maxMinutes !== undefined && maxMinutes > 0 && minutes > maxMinutes;
  const f = error?.fields ?? {};
  const hoursError =
    f.minutes ??
    (touched && minutes === undefined
      ? translate(l('invalid'))
      : tooMany
        ? translate(l('too_many'), { hours: minutesAsHours(maxMinutes) })
        : undefined);
  const ready = activityId !== '' && minutes !== undefined && !tooMany;
  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(l('title'), { name: record.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(l('help'))}</DialogContentText>
        <TextField
          select
          required
          fullWidth
          margin="dense"
          name="activityId"
          label={translate(l('activity'))}
          value={activityId}
          onChange={(e) => setActivityId(Number(e.target.value))}
          error={!!f.activityId}
          helperText={f.activityId ?? (choices.length === 0 ? translate(l('nothing')) : ' ')}
          disabled={!!assignment}
        >
          {choices.map((c) => (
            <MenuItem key={c.activityId} value={c.activityId}>
              {`${c.title}（${c.teamName}，${span(c.startsAt, c.endsAt)}）`}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          autoFocus
          required
          margin="dense"
          name="hours"
          label={translate(l('hours'))}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          onBlur={() => setTouched(true)}
          error={!!hoursError}
          helperText={hoursError ?? (maxMinutes ? translate(l('max'), { hours: minutesAsHours(maxMinutes) }) : ' ')}
          slotProps={{
            htmlInput: { inputMode: 'decimal' },
            input: { endAdornment: <InputAdornment position="end">{translate(l('unit'))}</InputAdornment> },
          }}
          sx={{ width: 240 }}
        />
        <ActionErrorAlert error={error} shown={['activityId', 'minutes']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label={l('submit')}
          variant="contained"
          disabled={!ready || isPending}
          onClick={() => mutate({ activityId: Number(activityId), minutes: minutes! })}
        />
      </DialogActions>
    </Dialog>
  );
};
