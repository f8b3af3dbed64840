import { useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { WorkflowDetail } from './types';
import { useApplyAnswer } from './useApplyAnswer';

/** Ends the workflow for good: a reason, then once more with the workflow's id spelled out. */
export const TerminateDialog = ({ record, onClose }: { record: WorkflowDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const apply = useApplyAnswer();
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={translate('shequ.workflows.terminate.title', { id: record.caseId ?? record.id })}
      content={translate('shequ.workflows.terminate.help')}
      label={translate('shequ.workflows.reason')}
      field="reason"
      required
      confirmLabel="shequ.workflows.terminate.confirm"
      confirmColor="error"
      confirmation={{ title: translate('shequ.workflows.terminate.confirm_title'), content: translate('shequ.workflows.terminate.confirm_content', { id: record.id }) }}
      done="shequ.workflows.terminate.done"
      send={async (reason) => {
        const { data } = await dataProvider.terminateWorkflow(record.id, reason);
        apply(record.id, data);
        return data;
      }}
    />
  );
};
