import { TextField } from '@mui/material';

/**
 * A free-text field of a step dialog (reason, comment, objection): several lines, the server's
 * message for the field under it when refused, else the help text.
 */
export const TextAreaField = ({
  name,
  label,
  value,
  onChange,
  error,
  help,
  maxLength,
  required = true,
  minRows = 2,
  margin = 'dense',
}: {
  name: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  help?: string;
  maxLength: number;
  required?: boolean;
  minRows?: number;
  margin?: 'dense' | 'normal';
}) => (
  <TextField
    required={required}
    fullWidth
    multiline
    minRows={minRows}
    margin={margin}
    name={name}
    label={label}
    value={value}
    onChange={(e) => onChange(e.target.value)}
    error={!!error}
    helperText={error ?? help ?? ' '}
    slotProps={{ htmlInput: { maxLength } }}
  />
);
