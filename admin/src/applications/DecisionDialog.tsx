import { useDataProvider, useGetRecordRepresentation, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { DecisionBody, ShequDataProvider } from '../dataProvider';
import type { Application } from './types';

export type PlainDecision = DecisionBody['decision'];

/** Which decisions must say why; reject asks once more before it is sent. */
const needsComment: Record<PlainDecision, boolean> = {
  approve: false,
  reject: true,
  return: true,
  resubmit: false,
  reverify: false,
  override_duplicate: true,
};

/** The label of a decision button: approve reads differently at each level. */
export const decisionLabel = (decision: PlainDecision, stage: string) =>
  decision === 'approve' ? `shequ.action.approve_at.${stage}` : `shequ.action.${decision}`;

interface Props {
  record: Application;
  decision: PlainDecision;
  open: boolean;
  onClose: () => void;
}

/** approve (street, district), reject, return, resubmit, reverify, override_duplicate. */
export const DecisionDialog = ({ record, decision, open, onClose }: Props) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const represent = useGetRecordRepresentation('applications');
  const action = translate(decisionLabel(decision, record.stage), { _: translate(`shequ.action.${decision}`) });
  const required = needsComment[decision];
  return (
    <ReasonDialog
      open={open}
      onClose={onClose}
      title={translate('shequ.decide.title', { action, recordRepresentation: String(represent(record)) })}
      content={translate(`shequ.decide.help.${decision}`)}
      label={translate(
        decision === 'override_duplicate'
          ? 'shequ.decide.reason'
          : required
            ? 'shequ.decide.comment_required'
            : 'shequ.decide.comment',
      )}
      field="comment"
      required={required}
      confirmLabel={action}
      confirmColor={decision === 'reject' ? 'error' : decision === 'return' ? 'warning' : 'primary'}
      confirmation={
        decision === 'reject'
          ? {
              title: translate('shequ.decide.confirm_reject_title'),
              content: translate('shequ.decide.confirm_reject_content', { name: record.headName }),
            }
          : undefined
      }
      done={`shequ.decide.done.${decision}`}
      send={(comment) => dataProvider.decideApplication(record.id, { decision, comment })}
    />
  );
};
