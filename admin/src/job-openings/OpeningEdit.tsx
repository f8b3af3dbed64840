import { Edit, SelectInput, SimpleForm, required } from 'react-admin';
import { OpeningInputs } from './OpeningInputs';
import { toOpeningPayload } from './payload';
import { openingStatusChoices } from './types';

// Closing an opening takes it out of every ranking; places already taken stay placed.
export const OpeningEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={(data) => toOpeningPayload(data, 'edit')}>
    <SimpleForm>
      <OpeningInputs edit />
      <SelectInput source="status" choices={openingStatusChoices} validate={required()} />
    </SimpleForm>
  </Edit>
);
