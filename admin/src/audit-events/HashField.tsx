import { Tooltip } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A SHA-256 shortened to its first 16 hex digits, the whole one on hover. */
export const HashField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  if (!value) return <span>—</span>;
  return (
    <Tooltip title={value}>
      <code>{`${value.slice(0, 16)}…`}</code>
    </Tooltip>
  );
};
