import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Button, useDataProvider, useGetRecordRepresentation, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { TextAreaField } from '../common/TextAreaField';
import { AmountPreview, previewAllowance } from '../common/AmountPreview';
import { IncomeEditor, incomeFigures, initialIncomeRows, type IncomeRows } from '../common/IncomeEditor';
import { shanghaiToday } from '../common/time';
import { useActionMutation } from '../common/useActionMutation';
import { useStandard } from '../common/useStandard';
import type { DecisionBody, ShequDataProvider } from '../dataProvider';
import type { Application } from './types';

/**
 * Community review: the caseworker records the home visit (入户调查) — the verified monthly
 * income of each member, prefilled with what was declared — and recommends the case for the
 * public notice. The amount is recomputed live as the figures change.
 */
export const HomeVisitDialog = ({
  record,
  open,
  onClose,
}: {
  record: Application;
  open: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const represent = useGetRecordRepresentation('applications');
  const members = useMemo(() => (record.members ?? []).filter((m) => !m.leftHousehold), [record.members]);
  const [rows, setRows] = useState<IncomeRows>(() => initialIncomeRows(members, false));
  const [visitedOn, setVisitedOn] = useState(shanghaiToday);
  const [notes, setNotes] = useState('');
  const [comment, setComment] = useState('');
  const standard = useStandard(shanghaiToday(), record.calculation);
  const effective = record.calculation
    ? {
        effectiveFrom: record.calculation.standardEffectiveFrom,
        standardFen: record.calculation.standardFen,
        floorPerPersonFen: record.calculation.floorPerPersonFen,
      }
    : standard;
  const figures = incomeFigures(members, rows, false);
  const preview = previewAllowance(
    effective,
    figures?.map((f) => f.monthlyIncomeFen),
  );

  const reset = () => {
    setRows(initialIncomeRows(members, false));
    setVisitedOn(shanghaiToday());
    setNotes('');
    setComment('');
    clearError();
  };
  const close = () => {
    reset();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    (body: DecisionBody) => dataProvider.decideApplication(record.id, body),
    {
      done: 'shequ.decide.done.approve',
      onDone: close,
    },
  );
  const f = error?.fields ?? {};
  const ready =
    !!figures && /^\d{4}-\d{2}-\d{2}$/.test(visitedOn) && visitedOn <= shanghaiToday() && notes.trim() !== '';
  const submit = () =>
    figures &&
    mutate({
      decision: 'approve',
      comment: comment.trim(),
      findings: { visitedOn, notes: notes.trim(), members: figures },
    });
  const action = translate('shequ.action.approve_at.community_review');

  return (
    <Dialog open={open} onClose={isPending ? undefined : close} fullWidth maxWidth="md">
      <DialogTitle>
        {translate('shequ.decide.title', { action, recordRepresentation: String(represent(record)) })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('shequ.home_visit.help')}</DialogContentText>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <TextField
            type="date"
            required
            name="visitedOn"
            label={translate('shequ.home_visit.visited_on')}
            value={visitedOn}
            onChange={(e) => setVisitedOn(e.target.value)}
            error={!!f['findings.visitedOn'] || visitedOn > shanghaiToday()}
            helperText={
              f['findings.visitedOn'] ?? (visitedOn > shanghaiToday() ? translate('shequ.home_visit.future') : ' ')
            }
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: shanghaiToday() } }}
            sx={{ minWidth: 180 }}
          />
          <TextField
            required
            fullWidth
            multiline
            minRows={2}
            name="notes"
            label={translate('shequ.home_visit.notes')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            error={!!f['findings.notes']}
            helperText={f['findings.notes'] ?? ' '}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </Stack>
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate('shequ.home_visit.incomes')}
        </Typography>
        <IncomeEditor
          members={members}
          rows={rows}
          onChange={setRows}
          errorFor={(i) =>
            f[`findings.members.${i}.monthlyIncomeFen`] ??
            f[`members.${i}.monthlyIncomeFen`] ??
            f[`members.${i}.memberId`]
          }
        />
        <AmountPreview preview={preview} currentFen={record.proposedAmountFen ?? undefined} />
        <TextAreaField
          name="comment"
          label={translate('shequ.home_visit.comment')}
          value={comment}
          onChange={setComment}
          error={f.comment}
          maxLength={1000}
          required={false}
          margin="normal"
        />
        <ActionErrorAlert
          error={error}
          shown={[
            'comment',
            'findings.visitedOn',
            'findings.notes',
            ...members.flatMap((_, i) => [
              `findings.members.${i}.monthlyIncomeFen`,
              `members.${i}.monthlyIncomeFen`,
              `members.${i}.memberId`,
            ]),
          ]}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button label={action} variant="contained" disabled={!ready || isPending} onClick={submit} />
      </DialogActions>
    </Dialog>
  );
};
