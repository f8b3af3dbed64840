import { Create, DateInput, NumberInput, SimpleForm, TextInput, minValue, required } from 'react-admin';
import { toStandardPayload, type StandardForm } from './payload';

const floorNotAboveStandard = (value: unknown, all: Partial<StandardForm>) =>
  typeof value === 'number' && typeof all.standardYuan === 'number' && value > all.standardYuan
    ? 'shequ.validation.floor_above_standard'
    : undefined;

export const StandardCreate = () => (
  <Create mutationMode="pessimistic" redirect="list" transform={(data: StandardForm) => toStandardPayload(data)}>
    <SimpleForm>
      <DateInput
        source="effectiveFrom"
        validate={required()}
        helperText="resources.allowance-standards.helper.effectiveFrom"
      />
      <NumberInput source="standardYuan" step={0.01} validate={[required(), minValue(0.01)]} />
      <NumberInput
        source="floorPerPersonYuan"
        step={0.01}
        defaultValue={0}
        validate={[required(), minValue(0), floorNotAboveStandard]}
      />
      <TextInput source="note" fullWidth multiline />
    </SimpleForm>
  </Create>
);
