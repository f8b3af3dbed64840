import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  regex,
  required,
} from 'react-admin';
import { byName } from '../common/sort';
import { categoryChoices } from './choices';
import { MemberInputs } from './MemberInputs';
import { toApplicationPayload, type ApplicationForm } from './payload';

const defaultValues: Partial<ApplicationForm> = {
  members: [{ name: '', idNumber: '', relation: 'head', disabled: false, monthlyIncomeYuan: 0 }],
};

// Pessimistic: the API validates (ID numbers, exactly one head…) and its field errors must be
// shown beside the inputs before the caseworker leaves the page. Validation runs as each field
// is left (mode onBlur), so a mistyped ID number shows while the card is still in hand.
export const ApplicationCreate = () => (
  <Create mutationMode="pessimistic" redirect="show" transform={(data: ApplicationForm) => toApplicationPayload(data)}>
    <SimpleForm defaultValues={defaultValues} mode="onBlur" reValidateMode="onChange">
      <TextInput source="headName" validate={required()} />
      <TextInput source="address" validate={required()} fullWidth />
      <ReferenceInput source="communityId" reference="org-units" filter={{ kind: 'community' }} sort={byName}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput source="category" choices={categoryChoices} validate={required()} />
      <TextInput source="bankAccount" validate={regex(/^\d{12,30}$/, 'shequ.validation.bank_account')} />
      <MemberInputs />
    </SimpleForm>
  </Create>
);
