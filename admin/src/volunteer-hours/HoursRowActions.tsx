import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Stack } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, usePermissions, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { isAllowed } from '../access';
import { ConfirmActionButton } from '../common/ConfirmActionButton';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { Role } from '../roles';
import { minutesAsHours } from '../volunteers/hours';
import type { VolunteerHours } from './types';

const c = (key: string) => `shequ.hours_confirm.${key}`;

/** Confirm or reject one pending entry (the API checks the entry is of the leader's teams). */
export const HoursRowActions = (_props: FieldProps<VolunteerHours>) => {
  const record = useRecordContext<VolunteerHours>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [rejecting, setRejecting] = useState(false);
  if (!record || record.status !== 'pending' || !isAllowed(role, 'volunteer-hours', 'confirm')) return null;
  const args = { name: record.volunteerName, title: record.title, hours: minutesAsHours(record.minutes) };
  return (
    // a click here is not a click on the row
    <Stack direction="row" spacing={0.5} onClick={(e) => e.stopPropagation()}>
      <ConfirmActionButton
        label="shequ.hours_confirm.confirm"
        icon={<CheckIcon />}
        action="confirm-hours"
        size="small"
        title={translate(c('one_title'))}
        content={translate(c('one_content'), args)}
        done={c('one_done')}
        send={() => dataProvider.confirmVolunteerHours(record.id)}
      />
      <Button
        label="shequ.hours_confirm.reject"
        color="error"
        size="small"
        onClick={() => setRejecting(true)}
        data-action="reject-hours"
      >
        <CloseIcon />
      </Button>
      {rejecting && (
        <ReasonDialog
          open
          onClose={() => setRejecting(false)}
          title={translate(c('reject_title'), args)}
          content={translate(c('reject_content'))}
          label={translate('shequ.volunteer_dialog.reason')}
          field="reason"
          required
          confirmLabel="shequ.hours_confirm.reject"
          confirmColor="error"
          done={c('reject_done')}
          send={(reason) => dataProvider.rejectVolunteerHours(record.id, reason)}
        />
      )}
    </Stack>
  );
};
