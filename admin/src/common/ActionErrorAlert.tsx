import { Alert } from '@mui/material';
import type { ActionError } from './useActionMutation';

/** What the API refused, inside the dialog; fields shown beside their inputs are left out. */
export const ActionErrorAlert = ({ error, shown = [] }: { error: ActionError | null; shown?: string[] }) => {
  if (!error) return null;
  const rest = Object.entries(error.fields).filter(([f]) => !shown.includes(f));
  return (
    <Alert severity="error" sx={{ mt: 1 }} role="alert">
      {error.message}
      {rest.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {rest.map(([field, message]) => (
            <li key={field}>{field === '_' ? message : `${field}: ${message}`}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
};
