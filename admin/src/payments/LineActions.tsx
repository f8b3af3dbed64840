import ForwardIcon from '@mui/icons-material/Forward';
import ReplayIcon from '@mui/icons-material/Replay';
import { Stack } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import { isAllowed } from '../access';
import { ConfirmActionButton } from '../common/ConfirmActionButton';
import { formatFen } from '../common/money';
import type { ShequDataProvider } from '../dataProvider';
import type { Role } from '../roles';
import { ReissueDialog } from './ReissueDialog';
import type { Payment } from './types';

/**
 * A failed line's two ways out, for finance while its run resolves failed lines: re-issue to a
 * corrected account, or carry to next month as arrears. Never both: the workflow takes the line
 * off its list before acting, so the second click is a 409.
 */
export const LineActions = ({ payment, runResolving }: { payment: Payment; runResolving: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [reissuing, setReissuing] = useState(false);
  if (payment.status !== 'failed' || !runResolving) return null;
  const name = `#${payment.id} ${payment.name}`;
  return (
    <Stack direction="row" spacing={0.5} className="shequ-line-actions" data-payment-id={payment.id}>
      {isAllowed(role, 'payments', 'reissue') && (
        <Button
          label="shequ.disbursement.action.reissue"
          size="small"
          onClick={() => setReissuing(true)}
          data-action="reissue"
        >
          <ReplayIcon />
        </Button>
      )}
      {isAllowed(role, 'payments', 'carry') && (
        <ConfirmActionButton
          label="shequ.disbursement.action.carry"
          icon={<ForwardIcon />}
          color="warning"
          action="carry"
          size="small"
          title={translate('shequ.disbursement.carry.title', { name })}
          content={translate('shequ.disbursement.carry.content', { name, amount: formatFen(payment.amountFen) })}
          done="shequ.disbursement.carry.done"
          send={() => dataProvider.carryPayment(payment.id)}
        />
      )}
      {reissuing && <ReissueDialog payment={payment} open onClose={() => setReissuing(false)} />}
    </Stack>
  );
};
