import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import { useRefetchBurst } from './RefetchBurst';
import type { FollowUp, FollowUpBody, FollowUpOutcome, Referral } from './types';

const t = (field: string) => `shequ.follow_up.${field}`;

/** The helper's retention check: still in the job, or left (why) — leaving starts a new search. */
export const FollowUpDialog = ({
  record,
  followUp,
  onClose,
}: {
  record: Referral;
  followUp: FollowUp;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const burst = useRefetchBurst();
  const [outcome, setOutcome] = useState<FollowUpOutcome>('retained');
  const [reason, setReason] = useState('');
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    async (body: FollowUpBody) => {
      const answer = await dataProvider.recordFollowUp(record.id, body);
      burst();
      return answer;
    },
    { done: 'shequ.follow_up.done', onDone: close },
  );
  const f = error?.fields ?? {};
  const reasonRequired = outcome === 'left';
  const ready = !reasonRequired || reason.trim() !== '';
  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(t('dialog_title'), { name: record.seekerName, month: followUp.month })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(t('help'))}</DialogContentText>
        <FormControl error={!!f.outcome} sx={{ mt: 1 }}>
          <FormLabel id="follow-up-outcome">{translate(t('outcome'))}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="follow-up-outcome"
            name="outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}
          >
            <FormControlLabel
              value="retained"
              control={<Radio />}
              label={translate('shequ.follow_up_status.retained')}
            />
            <FormControlLabel value="left" control={<Radio />} label={translate('shequ.follow_up_status.left')} />
          </RadioGroup>
          <FormHelperText>{f.outcome ?? (outcome === 'left' ? translate(t('left_help')) : ' ')}</FormHelperText>
        </FormControl>
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          required={reasonRequired}
          name="reason"
          label={translate(reasonRequired ? t('reason_required') : t('reason'))}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!f.reason}
          helperText={f.reason ?? ' '}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <ActionErrorAlert error={error} shown={['outcome', 'reason']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label="shequ.follow_up.submit"
          variant="contained"
          color={outcome === 'left' ? 'warning' : 'primary'}
          disabled={!ready || isPending}
          onClick={() => mutate({ month: followUp.month, outcome, reason: reason.trim() })}
        />
      </DialogActions>
    </Dialog>
  );
};
