import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { TextAreaField } from '../common/TextAreaField';
import { shanghaiLocal, shanghaiLocalToIso } from '../common/time';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import { useRefetchBurst } from './RefetchBurst';
import type { Referral, RespondBody } from './types';
import { useNow } from '../common/useNow';
import { refusalReasonKinds, type RefusalReasonKind } from '../../../domain/refusal-review';

const r = (field: string) => `shequ.respond.${field}`;

/**
 * The seeker's answer to the proposed opening: she accepts (an interview is arranged: when, in
 * Beijing time, and where) or declines (why, and what kind of reason: a dibao member's declines
 * without a valid one are counted for a §45 review; the opening is not offered to her again).
 */
export const RespondDialog = ({ record, onClose }: { record: Referral; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const burst = useRefetchBurst();
  const [accepted, setAccepted] = useState(true);
  const [local, setLocal] = useState('');
  const [place, setPlace] = useState('');
  const [reason, setReason] = useState('');
  const [reasonKind, setReasonKind] = useState<RefusalReasonKind | ''>('');
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    async (body: RespondBody) => {
      const answer = await dataProvider.respondToProposal(record.id, body);
      burst();
      return answer;
    },
    { done: accepted ? 'shequ.respond.done_accepted' : 'shequ.respond.done_declined', onDone: close },
  );
  const f = error?.fields ?? {};
  const now = useNow();
  const interviewAt = shanghaiLocalToIso(local);
  const past = !!interviewAt && Date.parse(interviewAt) <= now;
  const ready = accepted ? !!interviewAt && !past && place.trim() !== '' : reason.trim() !== '';
  const submit = () =>
    mutate(
      accepted
        ? { accepted: true, interviewAt: interviewAt!, place: place.trim() }
        : { accepted: false, reason: reason.trim(), ...(reasonKind ? { reasonKind } : {}) },
    );
  const opening = record.proposal ? `${record.proposal.title}（${record.proposal.employerName}）` : '';

  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(r('title'), { name: record.seekerName })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(r('help'), { opening })}</DialogContentText>
        <RadioGroup
          row
          name="accepted"
          value={accepted ? 'yes' : 'no'}
          onChange={(e) => setAccepted(e.target.value === 'yes')}
          sx={{ mt: 1 }}
        >
          <FormControlLabel value="yes" control={<Radio />} label={translate(r('accepted'))} />
          <FormControlLabel value="no" control={<Radio />} label={translate(r('declined'))} />
        </RadioGroup>
        {accepted ? (
          <>
            <TextField
              type="datetime-local"
              required
              fullWidth
              margin="dense"
              name="interviewAt"
              label={translate(r('interviewAt'))}
              value={local}
              onChange={(e) => setLocal(e.target.value)}
              error={past || !!f.interviewAt}
              helperText={f.interviewAt ?? (past ? translate(r('past')) : translate(r('beijing_time')))}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: shanghaiLocal(new Date()) } }}
            />
            <TextField
              required
              fullWidth
              margin="dense"
              name="place"
              label={translate(r('place'))}
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              error={!!f.place}
              helperText={f.place ?? ' '}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
          </>
        ) : (
          <>
            <TextField
              select
              fullWidth
              margin="dense"
              name="reasonKind"
              label={translate('shequ.refusal.reason_kind')}
              value={reasonKind}
              onChange={(e) => setReasonKind(e.target.value as RefusalReasonKind)}
              error={!!f.reasonKind}
              helperText={f.reasonKind ?? translate('shequ.refusal.reason_kind_help')}
            >
              {refusalReasonKinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`shequ.refusal.kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextAreaField
              name="reason"
              label={translate(r('reason'))}
              value={reason}
              onChange={setReason}
              error={f.reason}
              help={translate(r('declined_help'))}
              maxLength={500}
            />
          </>
        )}
        <ActionErrorAlert error={error} shown={['interviewAt', 'place', 'reason', 'reasonKind', 'accepted']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label={accepted ? r('submit_accepted') : r('submit_declined')}
          variant="contained"
          color={accepted ? 'primary' : 'warning'}
          disabled={!ready || isPending}
          onClick={submit}
        />
      </DialogActions>
    </Dialog>
  );
};
