import { Alert, MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import type { Helper } from './types';

interface Props {
  communityId: number;
  value: number | '';
  onChange: (helperId: number) => void;
  error?: string;
}

/** 一助一: a helper from the seeker's own community, with how many seekers she already has. */
export const HelperSelect = ({ communityId, value, onChange, error }: Props) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<Helper & { id: number }>('helpers', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'id', order: 'ASC' },
    filter: { communityId },
  });
  const helpers = (data ?? []).filter((h) => h.active || h.id === value);
  if (!isPending && helpers.length === 0) {
    return (
      <Alert severity="warning" sx={{ mt: 1 }}>
        {translate('shequ.helper.none_in_community')}
      </Alert>
    );
  }
  return (
    <TextField
      select
      required
      fullWidth
      margin="dense"
      name="helperId"
      label={translate('shequ.helper.choose')}
      value={helpers.some((h) => h.id === value) ? value : ''}
      onChange={(e) => onChange(Number(e.target.value))}
      error={!!error}
      helperText={error ?? translate('shequ.helper.choose_help')}
    >
      {helpers.map((h) => (
        <MenuItem key={h.id} value={h.id}>
          {translate('shequ.helper.option', { name: h.name, phone: h.phone || '—', count: h.seekers })}
        </MenuItem>
      ))}
    </TextField>
  );
};
