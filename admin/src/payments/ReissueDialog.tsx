import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { formatFen } from '../common/money';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import { FailureReason } from './PaymentStatusField';
import type { Payment } from './types';

const ACCOUNT = /^\d{12,30}$/;

/**
 * Re-issue a failed line to a corrected account: a new line (kind "re-issue") in the same run,
 * sent to the bank in a file of its own. The household's account on file is corrected too.
 */
export const ReissueDialog = ({ payment, open, onClose }: { payment: Payment; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [account, setAccount] = useState('');
  const [accountName, setAccountName] = useState('');
  const [touched, setTouched] = useState(false);
  const close = () => {
    setAccount('');
    setAccountName('');
    setTouched(false);
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    () =>
      dataProvider.reissuePayment(payment.id, {
        account: account.trim(),
        ...(accountName.trim() ? { accountName: accountName.trim() } : {}),
      }),
    { done: 'shequ.disbursement.reissue.done', onDone: close },
  );
  const valid = ACCOUNT.test(account.trim());
  const accountError =
    error?.fields.account ?? (touched && !valid ? translate('shequ.validation.bank_account') : undefined);
  return (
    <Dialog
      open={open}
      onClose={isPending ? undefined : close}
      fullWidth
      maxWidth="sm"
      className="shequ-reissue-dialog"
    >
      <DialogTitle>
        {translate('shequ.disbursement.reissue.title', { name: `#${payment.id} ${payment.name}` })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          {translate('shequ.disbursement.reissue.help', {
            amount: formatFen(payment.amountFen),
            account: payment.accountMasked || '—',
          })}
          <div style={{ marginTop: 4 }}>
            {translate('resources.payments.fields.failureReason')}：<FailureReason reason={payment.failureReason} />
          </div>
        </DialogContentText>
        <TextField
          autoFocus
          required
          fullWidth
          margin="dense"
          name="account"
          label={translate('shequ.disbursement.reissue.account')}
          value={account}
          onChange={(e) => setAccount(e.target.value.replace(/\s/g, ''))}
          onBlur={() => setTouched(true)}
          error={!!accountError}
          helperText={accountError ?? ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 30 } }}
        />
        <TextField
          fullWidth
          margin="dense"
          name="accountName"
          label={translate('shequ.disbursement.reissue.account_name')}
          placeholder={payment.name}
          value={accountName}
          onChange={(e) => setAccountName(e.target.value)}
          error={!!error?.fields.accountName}
          helperText={error?.fields.accountName ?? translate('shequ.disbursement.reissue.account_name_help')}
          slotProps={{ htmlInput: { maxLength: 50 } }}
        />
        <ActionErrorAlert error={error} shown={['account', 'accountName']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label="shequ.disbursement.action.reissue"
          variant="contained"
          disabled={!valid || isPending}
          onClick={() => mutate(undefined)}
        />
      </DialogActions>
    </Dialog>
  );
};
