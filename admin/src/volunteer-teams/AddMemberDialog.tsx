import {
  Autocomplete,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import type { Volunteer } from '../volunteers/types';
import type { VolunteerTeam } from './types';

const a = (key: string) => `resources.volunteer-teams.add_member.${key}`;
const label = (v: Volunteer) => `${v.name}（${v.idNumberMasked}）`;

/** Adds an active volunteer of the team's community, found by name or ID digits. */
export const AddMemberDialog = ({ team, onClose }: { team: VolunteerTeam; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Volunteer | null>(null);
  // once one is chosen the box shows her label: not a search
  const q = chosen && text === label(chosen) ? '' : text.trim();
  const { data, isPending: loading } = useGetList<Volunteer>('volunteers', {
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'name', order: 'ASC' },
    filter: { stage: ['active', 'reconfirm_due'], communityId: team.communityId, ...(q ? { q } : {}) },
  });
  const already = new Set((team.memberList ?? []).map((m) => m.volunteerId));
  const options = (data ?? []).filter((v) => !already.has(v.id));
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    (volunteerId: number) => dataProvider.addTeamMember(team.id, volunteerId),
    {
      done: a('done'),
      onDone: close,
      conflictInDialog: true,
    },
  );
  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(a('title'), { team: team.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(a('help'), { community: team.communityName })}</DialogContentText>
        <Autocomplete
          options={options}
          loading={loading}
          value={chosen}
          onChange={(_e, v) => setChosen(v)}
          inputValue={text}
          onInputChange={(_e, v) => setText(v)}
          filterOptions={(x) => x}
          getOptionLabel={label}
          isOptionEqualToValue={(o, v) => o.id === v.id}
          noOptionsText={translate(a('none'))}
          renderInput={(params) => (
            <TextField
              {...params}
              autoFocus
              required
              margin="dense"
              name="volunteerId"
              label={translate(a('volunteer'))}
              error={!!error?.fields.volunteerId}
              helperText={error?.fields.volunteerId ?? translate(a('search_help'))}
            />
          )}
        />
        <ActionErrorAlert error={error} shown={['volunteerId']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label={a('submit')}
          variant="contained"
          disabled={!chosen || isPending}
          onClick={() => chosen && mutate(chosen.id)}
        />
      </DialogActions>
    </Dialog>
  );
};
