import { DeleteButton, Edit, PasswordInput, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import type { z } from 'zod';
import type { userSchema, userUpdateBody } from '../../../contract/users';
import { UserFields } from './UserFields';
import { validatePassword } from './validation';

// The account as GET /api/users/:id answers it (contract/users.ts), and the new-password input.
type UserForm = Pick<z.output<typeof userSchema>, 'displayName' | 'role' | 'orgUnitId' | 'active'> & {
  password?: string | null;
};

// Only what PUT /api/users/:id accepts; an empty password means "keep the current one".
const toPayload = ({ displayName, role, orgUnitId, active, password }: UserForm): z.input<typeof userUpdateBody> => ({
  displayName,
  role,
  orgUnitId,
  active: !!active,
  ...(password ? { password } : {}),
});

// Delete deactivates on the API; resources.users.action.delete labels it 停用.
const UserToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={toPayload}>
    <SimpleForm toolbar={<UserToolbar />}>
      <UserFields />
      <PasswordInput
        source="password"
        label="resources.users.fields.newPassword"
        helperText="resources.users.helper.newPassword"
        validate={validatePassword}
        autoComplete="new-password"
      />
    </SimpleForm>
  </Edit>
);
