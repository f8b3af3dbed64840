import { useDataProvider, useGetRecordRepresentation, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { Application } from './types';

interface Props {
  record: Application;
  open: boolean;
  onClose: () => void;
}

export const WithdrawDialog = ({ record, open, onClose }: Props) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const represent = useGetRecordRepresentation('applications');
  return (
    <ReasonDialog
      open={open}
      onClose={onClose}
      title={translate('shequ.withdraw.title', { recordRepresentation: String(represent(record)) })}
      content={translate('shequ.withdraw.content')}
      label={translate('shequ.withdraw.reason')}
      field="reason"
      required
      confirmLabel="shequ.withdraw.confirm"
      confirmColor="error"
      done="shequ.withdraw.done"
      send={(reason) => dataProvider.withdrawApplication(record.id, reason)}
    />
  );
};
