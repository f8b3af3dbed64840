import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Button, Confirm, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import { firstOfNextMonth } from '../../../domain/shanghai-date';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { AmountPreview, previewAllowance } from '../common/AmountPreview';
import { IncomeEditor, incomeFigures, initialIncomeRows, type IncomeRows } from '../common/IncomeEditor';
import type { Calculation, Member } from '../common/types';
import { useActionMutation } from '../common/useActionMutation';
import { useStandard } from '../common/useStandard';
import type { ChangeBody, RecheckBody, ShequDataProvider } from '../dataProvider';
import type { Role } from '../roles';
import { changeKinds, outcomesFor, type RecheckOutcome } from './outcomes';

export interface RecheckDialogProps {
  mode: 'recheck' | 'change';
  enrollmentId: number;
  /** "#12 张三", for the title. */
  name: string;
  members: Member[];
  currentAmountFen: number;
  /** The calculation of the term in force: its standard stands in for the preview. */
  calculation: Calculation | null | undefined;
  open: boolean;
  onClose: () => void;
}

type ChangeKind = ChangeBody['changeKind'];

/**
 * A periodic re-check or a reported change of circumstances: current income per member (and who
 * left), the outcome and a comment. The new amount is previewed live and, like any change,
 * takes effect from the 1st of next month.
 */
export const RecheckDialog = ({
  mode,
  enrollmentId,
  name,
  members: all,
  currentAmountFen,
  calculation,
  open,
  onClose,
}: RecheckDialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const members = useMemo(() => all.filter((m) => !m.leftHousehold), [all]);
  const [rows, setRows] = useState<IncomeRows>(() => initialIncomeRows(members, true));
  const [chosen, setChosen] = useState<RecheckOutcome | null>(null);
  const [changeKind, setChangeKind] = useState<ChangeKind>('income');
  const [comment, setComment] = useState('');
  const [asking, setAsking] = useState(false);
  const effectiveFrom = firstOfNextMonth(new Date());
  const standard = useStandard(effectiveFrom, calculation);

  const figures = incomeFigures(members, rows, true);
  const staying = figures?.filter((f) => !f.left);
  const preview = previewAllowance(
    standard,
    staying?.map((f) => f.monthlyIncomeFen),
  );
  const outcomes = outcomesFor(role);
  // Until the worker picks one: keep while the amount stays, adjust once it changes.
  const outcome: RecheckOutcome = chosen ?? (preview && preview.amountFen !== currentAmountFen ? 'adjust' : 'keep');
  const keepRefused = outcome === 'keep' && (!preview || preview.amountFen !== currentAmountFen);
  const commentRequired = mode === 'change' || outcome !== 'keep';
  // The API keeps paying only an eligible household: otherwise suspend or terminate.
  const ineligible = !!preview && !preview.eligible && (outcome === 'keep' || outcome === 'adjust');

  const close = () => {
    setAsking(false);
    clearError();
    onClose();
  };
  const send = (body: RecheckBody | ChangeBody) =>
    mode === 'change'
      ? dataProvider.reportEnrollmentChange(enrollmentId, body as ChangeBody)
      : dataProvider.recheckEnrollment(enrollmentId, body as RecheckBody);
  const { mutate, isPending, error, clearError } = useActionMutation(send, {
    done: mode === 'change' ? 'shequ.recheck.done_change' : 'shequ.recheck.done_recheck',
    onDone: close,
  });
  const f = error?.fields ?? {};
  const ready =
    !!figures &&
    !keepRefused &&
    !ineligible &&
    (!commentRequired || comment.trim() !== '') &&
    outcomes.includes(outcome);
  const body = (): RecheckBody | ChangeBody => {
    const base = { members: figures ?? [], outcome, comment: comment.trim() };
    return mode === 'change' ? { ...base, changeKind } : base;
  };
  const submit = () => (outcome === 'terminate' ? setAsking(true) : mutate(body()));
  const title = translate(mode === 'change' ? 'shequ.recheck.change_title' : 'shequ.recheck.title', { name });

  return (
    <>
      <Dialog open={open && !asking} onClose={isPending ? undefined : close} fullWidth maxWidth="md">
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate(mode === 'change' ? 'shequ.recheck.change_help' : 'shequ.recheck.help')}
          </DialogContentText>
          {mode === 'change' && (
            <TextField
              select
              required
              name="changeKind"
              label={translate('shequ.recheck.change_kind')}
              value={changeKind}
              onChange={(e) => setChangeKind(e.target.value as ChangeKind)}
              error={!!f.changeKind}
              helperText={f.changeKind ?? ' '}
              sx={{ mt: 1, minWidth: 240 }}
            >
              {changeKinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`shequ.change_kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate('shequ.recheck.incomes')}
          </Typography>
          <IncomeEditor
            members={members}
            rows={rows}
            onChange={setRows}
            allowLeft
            errorFor={(i) => f[`members.${i}.monthlyIncomeFen`] ?? f[`members.${i}.left`]}
          />
          {staying && staying.length === 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {translate('shequ.recheck.nobody_left')}
            </Alert>
          )}
          <AmountPreview preview={preview} currentFen={currentAmountFen} effectiveFrom={effectiveFrom} />
          <FormControl error={keepRefused || ineligible || !!f.outcome} sx={{ mt: 2 }}>
            <FormLabel id="outcome-label">{translate('shequ.recheck.outcome')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="outcome-label"
              name="outcome"
              value={outcome}
              onChange={(e) => setChosen(e.target.value as RecheckOutcome)}
            >
              {outcomes.map((o) => (
                <FormControlLabel key={o} value={o} control={<Radio />} label={translate(`shequ.outcome.${o}`)} />
              ))}
            </RadioGroup>
            <FormHelperText>
              {f.outcome ??
                (ineligible
                  ? translate('shequ.recheck.not_eligible')
                  : keepRefused
                    ? translate('shequ.recheck.keep_refused')
                    : role !== 'district_approver'
                      ? translate('shequ.recheck.district_only')
                      : ' ')}
            </FormHelperText>
          </FormControl>
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            required={commentRequired}
            name="comment"
            label={translate('shequ.recheck.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            error={!!f.comment}
            helperText={f.comment ?? ' '}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          <ActionErrorAlert
            error={error}
            shown={[
              'comment',
              'outcome',
              'changeKind',
              ...members.flatMap((_, i) => [`members.${i}.monthlyIncomeFen`, `members.${i}.left`]),
            ]}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
          <Button
            label={mode === 'change' ? 'shequ.recheck.submit_change' : 'shequ.recheck.submit'}
            variant="contained"
            color={outcome === 'terminate' ? 'error' : 'primary'}
            disabled={!ready || isPending}
            onClick={submit}
          />
        </DialogActions>
      </Dialog>
      <Confirm
        isOpen={open && asking}
        loading={isPending}
        title={translate('shequ.enrollment_action.terminate.confirm_title')}
        content={translate('shequ.enrollment_action.terminate.confirm_content', { name })}
        confirm="shequ.outcome.terminate"
        confirmColor="warning"
        onConfirm={() => mutate(body(), { onSettled: () => setAsking(false) })}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
