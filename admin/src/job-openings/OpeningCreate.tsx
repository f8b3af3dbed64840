import { Create, SimpleForm } from 'react-admin';
import { OpeningInputs } from './OpeningInputs';
import { toOpeningPayload } from './payload';

// Pessimistic: the API's field errors must show beside the inputs before the page is left.
export const OpeningCreate = () => (
  <Create mutationMode="pessimistic" redirect="show" transform={(data) => toOpeningPayload(data)}>
    <SimpleForm>
      <OpeningInputs />
    </SimpleForm>
  </Create>
);
