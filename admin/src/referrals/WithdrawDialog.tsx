import { useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { Referral } from './types';

/** Ends the referral (the seeker found work herself, moved away…): a reason, then "are you sure?". */
export const WithdrawDialog = ({ record, onClose }: { record: Referral; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={translate('shequ.referral_withdraw.title', { name: record.seekerName })}
      content={translate('shequ.referral_withdraw.content')}
      label={translate('shequ.referral_withdraw.reason')}
      field="reason"
      required
      confirmLabel="shequ.referral_withdraw.confirm"
      confirmColor="error"
      confirmation={{
        title: translate('shequ.referral_withdraw.confirm_title'),
        content: translate('shequ.referral_withdraw.confirm_content', { name: record.seekerName }),
      }}
      done="shequ.referral_withdraw.done"
      send={(reason) => dataProvider.withdrawReferral(record.id, reason)}
    />
  );
};
