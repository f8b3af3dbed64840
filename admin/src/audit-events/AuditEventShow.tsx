import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ActionField, ActorField, EntityTypeField } from './fields';
import { HashField } from './HashField';
import { JsonField } from './JsonField';

export const AuditEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <DateTimeField source="at" />
      <ActorField source="actorName" />
      <TextField source="actorId" emptyText="—" />
      <ActionField source="action" />
      <EntityTypeField source="entityType" />
      <TextField source="entityId" />
      <ReferenceField source="orgUnitId" reference="org-units" emptyText="—" />
      <TextField source="requestId" emptyText="—" />
      <JsonField source="before" />
      <JsonField source="after" />
      <TextField source="chainSeq" />
      <HashField source="hash" />
      <HashField source="prevHash" />
    </SimpleShowLayout>
  </Show>
);
