import { useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { WorkflowDetail } from './types';
import { useApplyAnswer } from './useApplyAnswer';

type ReasonAction = 'remind' | 'retry' | 'terminate';

/**
 * The supervisor's actions that need only a reason: a reminder (the text is what the caseworker
 * reads), retry now (once the cause is fixed), and terminate (asked once more, with the
 * workflow's id spelled out, because it cannot be undone).
 */
export const ReasonActionDialog = ({
  action,
  record,
  onClose,
}: {
  action: ReasonAction;
  record: WorkflowDetail;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const apply = useApplyAnswer();
  const key = (k: string) => `shequ.workflows.${action}.${k}`;
  const help = {
    remind: { name: record.assigneeName ?? '—' },
    retry: { activity: record.activityType ?? '—', attempts: record.attempts ?? 0 },
    terminate: {},
  }[action];
  const send = {
    remind: dataProvider.remindWorkflow,
    retry: dataProvider.retryWorkflow,
    terminate: dataProvider.terminateWorkflow,
  }[action];
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={translate(key('title'), { id: record.caseId ?? record.id })}
      content={translate(key('help'), help)}
      label={translate(action === 'remind' ? key('message') : 'shequ.workflows.reason')}
      field="reason"
      required
      confirmLabel={key('confirm')}
      confirmColor={action === 'terminate' ? 'error' : 'primary'}
      confirmation={
        action === 'terminate'
          ? { title: translate(key('confirm_title')), content: translate(key('confirm_content'), { id: record.id }) }
          : undefined
      }
      done={key('done')}
      send={async (reason) => {
        const { data } = await send(record.id, reason);
        apply(record.id, data);
        return data;
      }}
    />
  );
};
