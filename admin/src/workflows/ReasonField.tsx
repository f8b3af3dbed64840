import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The reason every supervisor action asks for, with the server's message under it when refused. */
export const ReasonField = ({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) => {
  const translate = useTranslate();
  return (
    <TextField
      required
      fullWidth
      multiline
      minRows={2}
      margin="dense"
      name="reason"
      label={translate('shequ.workflows.reason')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error ?? ' '}
      slotProps={{ htmlInput: { maxLength: 1000 } }}
    />
  );
};
