import { useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { WorkflowDetail } from './types';
import { useApplyAnswer } from './useApplyAnswer';

/** A nudge to whoever holds the case; the text is what she reads. */
export const RemindDialog = ({ record, onClose }: { record: WorkflowDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const apply = useApplyAnswer();
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={translate('shequ.workflows.remind.title', { id: record.caseId ?? record.id })}
      content={translate('shequ.workflows.remind.help', { name: record.assigneeName ?? '—' })}
      label={translate('shequ.workflows.remind.message')}
      field="reason"
      required
      confirmLabel="shequ.workflows.remind.confirm"
      done="shequ.workflows.remind.done"
      send={async (reason) => {
        const { data } = await dataProvider.remindWorkflow(record.id, reason);
        apply(record.id, data);
        return data;
      }}
    />
  );
};
