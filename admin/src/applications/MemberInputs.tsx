import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { relationChoices } from './choices';
import { validateIdNumber } from './idNumber';
import { validateMembers } from './memberValidation';

const label = (field: string) => `resources.applications.member.${field}`;

/** The household's members; income is typed in yuan and sent as fen (see payload.ts). */
export const MemberInputs = () => (
  <ArrayInput source="members" validate={validateMembers}>
    <SimpleFormIterator inline disableReordering>
      <TextInput source="name" label={label('name')} validate={required()} />
      <TextInput source="idNumber" label={label('idNumber')} validate={[required(), validateIdNumber]} />
      <SelectInput source="relation" label={label('relation')} choices={relationChoices} validate={required()} />
      <NumberInput
        source="monthlyIncomeYuan"
        label={label('monthlyIncomeYuan')}
        step={0.01}
        min={0}
        defaultValue={0}
        validate={[required(), minValue(0), maxValue(100000)]}
      />
      <BooleanInput
        source="disabled"
        label={label('disabled')}
        defaultValue={false}
        sx={{ '& .MuiFormControlLabel-label': { whiteSpace: 'nowrap' } }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);
