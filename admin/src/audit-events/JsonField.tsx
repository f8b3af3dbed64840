import { Box } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A JSON value as indented text; the before/after snapshots have no fixed shape. */
export const JsonField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  if (value === null || value === undefined) return <span>—</span>;
  return (
    <Box component="pre" sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: 13 }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
