import { Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { AuditEvent } from './types';

// The audit log in the reader's words: "低保申请 · 通过" rather than `application.approve`, people
// by name. The code stays on hover, since auditors search by it.

type Translate = ReturnType<typeof useTranslate>;

export const entityLabel = (translate: Translate, entity: string) =>
  translate(`shequ.audit.entity.${entity}`, { _: entity });

/** The verb of an action, looked up where the timelines name their steps, then the log's own. */
export function actionLabel(translate: Translate, action: string): string {
  const dot = action.indexOf('.');
  const entity = dot < 0 ? '' : action.slice(0, dot);
  const verb = dot < 0 ? action : action.slice(dot + 1);
  const verbText = translate(`shequ.audit.verb.${verb}`, {
    _: translate(`shequ.decision.${verb}`, {
      _: translate(`shequ.referral_decision.${verb}`, {
        _: translate(`shequ.volunteer_decision.${verb}`, { _: verb }),
      }),
    }),
  });
  return entity ? `${entityLabel(translate, entity)} · ${verbText}` : verbText;
}

export const ActionField = (_props: FieldProps<AuditEvent>) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Tooltip title={record.action}>
      <Typography variant="body2" component="span" data-action={record.action}>
        {actionLabel(translate, record.action)}
      </Typography>
    </Tooltip>
  );
};

export const EntityTypeField = (_props: FieldProps<AuditEvent>) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  return record ? <>{entityLabel(translate, record.entityType)}</> : null;
};

export const ActorField = (_props: FieldProps<AuditEvent>) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.actorUsername) return <>{translate('shequ.timeline.system')}</>;
  return (
    <Tooltip title={record.actorUsername}>
      <span>{record.actorName ?? record.actorUsername}</span>
    </Tooltip>
  );
};
