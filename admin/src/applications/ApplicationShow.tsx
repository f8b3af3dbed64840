import {
  ArrayField,
  BooleanField,
  Datagrid,
  ListButton,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { categoryChoices, relationChoices } from './choices';
import { MoneyField } from './MoneyField';
import { StageField } from './StageField';
import { WithdrawButton } from './WithdrawButton';

const Actions = () => (
  <TopToolbar>
    <WithdrawButton />
    <ListButton />
  </TopToolbar>
);

const member = (field: string) => `resources.applications.member.${field}`;

export const ApplicationShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="headName" />
      <TextField source="address" />
      <SelectField source="category" choices={categoryChoices} />
      <TextField source="streetName" />
      <TextField source="communityName" />
      <NumberField source="memberCount" />
      <StageField source="stage" />
      <DateTimeField source="stageSince" />
      <DateTimeField source="deadlineAt" emptyText="—" />
      <BooleanField source="overdue" />
      <DateTimeField source="createdAt" />
      <TextField source="workflowId" />
      <ArrayField source="members">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="name" label={member('name')} sortable={false} />
          <TextField source="idNumberMasked" label={member('idNumberMasked')} sortable={false} />
          <SelectField source="relation" label={member('relation')} choices={relationChoices} sortable={false} />
          <TextField source="birthDate" label={member('birthDate')} sortable={false} />
          <BooleanField source="disabled" label={member('disabled')} sortable={false} />
          <MoneyField source="monthlyIncomeFen" label={member('monthlyIncomeFen')} sortable={false} />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
