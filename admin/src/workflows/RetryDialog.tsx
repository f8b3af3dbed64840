import { useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { WorkflowDetail } from './types';
import { useApplyAnswer } from './useApplyAnswer';

/** Runs the failing step again now instead of at its next back-off (once the cause is fixed). */
export const RetryDialog = ({ record, onClose }: { record: WorkflowDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const apply = useApplyAnswer();
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={translate('shequ.workflows.retry.title', { id: record.caseId ?? record.id })}
      content={translate('shequ.workflows.retry.help', { activity: record.activityType ?? '—', attempts: record.attempts ?? 0 })}
      label={translate('shequ.workflows.reason')}
      field="reason"
      required
      confirmLabel="shequ.workflows.retry.confirm"
      done="shequ.workflows.retry.done"
      send={async (reason) => {
        const { data } = await dataProvider.retryWorkflow(record.id, reason);
        apply(record.id, data);
        return data;
      }}
    />
  );
};
