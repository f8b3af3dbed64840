import { Create, PasswordInput, SimpleForm, TextInput, required } from 'react-admin';
import { UserFields } from './UserFields';
import { validatePassword, validateUsername } from './validation';

export const UserCreate = () => (
  <Create mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <TextInput source="username" validate={[required(), validateUsername]} autoComplete="off" />
      <PasswordInput source="password" validate={[required(), validatePassword]} autoComplete="new-password" />
      <UserFields />
    </SimpleForm>
  </Create>
);
