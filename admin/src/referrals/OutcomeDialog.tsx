import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { TextAreaField } from '../common/TextAreaField';
import { shanghaiToday } from '../common/time';
import { useActionMutation } from '../common/useActionMutation';
import { parseYuan } from '../common/yuanInput';
import type { ShequDataProvider } from '../dataProvider';
import { useRefetchBurst } from './RefetchBurst';
import type { OutcomeBody, Referral } from './types';

const o = (field: string) => `shequ.outcome_dialog.${field}`;

/**
 * The interview's outcome: hired (monthly wage in yuan, start date — the placement takes one of
 * the opening's places) or not hired (why; the seeker goes back to matching).
 */
export const OutcomeDialog = ({ record, onClose }: { record: Referral; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const burst = useRefetchBurst();
  const [hired, setHired] = useState(true);
  const [wageYuan, setWageYuan] = useState('');
  const [startDate, setStartDate] = useState(shanghaiToday);
  const [reason, setReason] = useState('');
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    async (body: OutcomeBody) => {
      const answer = await dataProvider.recordInterviewOutcome(record.id, body);
      burst();
      return answer;
    },
    { done: hired ? 'shequ.outcome_dialog.done_hired' : 'shequ.outcome_dialog.done_not_hired', onDone: close },
  );
  const f = error?.fields ?? {};
  const wageFen = parseYuan(wageYuan);
  const wageInvalid = wageYuan.trim() !== '' && (wageFen === undefined || wageFen <= 0);
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(startDate);
  const ready = hired ? wageFen !== undefined && wageFen > 0 && dateValid : reason.trim() !== '';
  const submit = () =>
    mutate(hired ? { hired: true, wageFen: wageFen!, startDate } : { hired: false, reason: reason.trim() });
  const interview = record.interviews?.find((i) => i.outcome === null);

  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(o('title'), { name: record.seekerName })}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {translate(o('help'), {
            opening: interview ? `${interview.title}（${interview.employerName}）` : (record.proposal?.title ?? ''),
          })}
        </DialogContentText>
        <RadioGroup
          row
          name="hired"
          value={hired ? 'yes' : 'no'}
          onChange={(e) => setHired(e.target.value === 'yes')}
          sx={{ mt: 1 }}
        >
          <FormControlLabel value="yes" control={<Radio />} label={translate(o('hired'))} />
          <FormControlLabel value="no" control={<Radio />} label={translate(o('not_hired'))} />
        </RadioGroup>
        {hired ? (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              required
              margin="dense"
              name="wageFen"
              label={translate(o('wage_yuan'))}
              value={wageYuan}
              onChange={(e) => setWageYuan(e.target.value)}
              error={wageInvalid || !!f.wageFen}
              helperText={f.wageFen ?? (wageInvalid ? translate('shequ.validation.yuan') : ' ')}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
            <TextField
              type="date"
              required
              margin="dense"
              name="startDate"
              label={translate(o('start_date'))}
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              error={!!f.startDate}
              helperText={f.startDate ?? ' '}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ minWidth: 180 }}
            />
          </Stack>
        ) : (
          <TextAreaField
            name="reason"
            label={translate(o('reason'))}
            value={reason}
            onChange={setReason}
            error={f.reason}
            help={translate(o('not_hired_help'))}
            maxLength={500}
          />
        )}
        <ActionErrorAlert error={error} shown={['wageFen', 'startDate', 'reason', 'hired']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label={hired ? o('submit_hired') : o('submit_not_hired')}
          variant="contained"
          color={hired ? 'success' : 'warning'}
          disabled={!ready || isPending}
          onClick={submit}
        />
      </DialogActions>
    </Dialog>
  );
};
