import CheckIcon from '@mui/icons-material/Check';
import EventIcon from '@mui/icons-material/EventAvailable';
import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import PlayIcon from '@mui/icons-material/PlayCircleOutline';
import BlockIcon from '@mui/icons-material/Block';
import TimerIcon from '@mui/icons-material/MoreTime';
import RefreshIcon from '@mui/icons-material/Refresh';
import VerifiedIcon from '@mui/icons-material/Verified';
import { useState, type ReactElement } from 'react';
import { Button, ListButton, TopToolbar, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmActionButton } from '../common/ConfirmActionButton';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import { loggableAssignments } from './assignments';
import { LogHoursDialog } from './LogHoursDialog';
import { SignUpDialog } from './SignUpDialog';
import type { Volunteer, VolunteerAction } from './types';

// Re-screening has nothing to type; the others open a dialog. Hours are confirmed on the hours list.
type DialogAction = Exclude<VolunteerAction, 'rescreen' | 'confirm_hours'>;
const buttons: { action: DialogAction; icon: ReactElement; color?: 'warning' | 'error' }[] = [
  { action: 'approve', icon: <CheckIcon /> },
  { action: 'reject', icon: <BlockIcon />, color: 'error' },
  { action: 'sign_up', icon: <EventIcon /> },
  { action: 'log_hours', icon: <TimerIcon /> },
  { action: 'reconfirm', icon: <VerifiedIcon /> },
  { action: 'deactivate', icon: <PauseIcon />, color: 'warning' },
  { action: 'reactivate', icon: <PlayIcon /> },
];

const d = (action: string, key: string) => `shequ.volunteer_dialog.${action}.${key}`;

/** The one-text steps: approve and re-confirm (a comment), reject and (de)activate (a reason). */
const TextDialog = ({
  record,
  action,
  onClose,
}: {
  record: Volunteer;
  action: 'approve' | 'reject' | 'reconfirm' | 'deactivate' | 'reactivate';
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const withComment = action === 'approve' || action === 'reconfirm';
  const send = (text: string) => {
    switch (action) {
      case 'approve':
        return dataProvider.approveVolunteer(record.id, text);
      case 'reconfirm':
        return dataProvider.reconfirmVolunteer(record.id, text);
      case 'reject':
        return dataProvider.rejectVolunteer(record.id, text);
      default:
        return dataProvider.setVolunteerActive(record.id, action, text);
    }
  };
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={translate(d(action, 'title'), { name: record.name })}
      content={translate(d(action, 'content'))}
      label={translate(withComment ? 'shequ.volunteer_dialog.comment' : 'shequ.volunteer_dialog.reason')}
      field={withComment ? 'comment' : 'reason'}
      required={!withComment}
      confirmLabel={`shequ.volunteer_action.${action}`}
      confirmColor={action === 'reject' ? 'error' : action === 'deactivate' ? 'warning' : 'primary'}
      confirmation={
        action === 'reject'
          ? {
              title: translate(d('reject', 'confirm_title')),
              content: translate(d('reject', 'confirm_content'), { name: record.name }),
            }
          : undefined
      }
      done={d(action, 'done')}
      send={send}
    />
  );
};

/** Exactly the actions the API lists in `allowedActions` for this user at this stage. */
export const VolunteerActions = () => {
  const record = useRecordContext<Volunteer>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [open, setOpen] = useState<DialogAction | null>(null);
  const allowed: readonly VolunteerAction[] = record?.allowedActions ?? [];
  const close = () => setOpen(null);
  // Logging needs an activity that is over and has no hours yet; the rows offer it too.
  const canLog = !!record && loggableAssignments(record.assignments).length > 0;
  return (
    <TopToolbar className="shequ-case-actions">
      {record && allowed.includes('rescreen') && (
        <ConfirmActionButton
          label="shequ.volunteer_action.rescreen"
          icon={<RefreshIcon />}
          action="rescreen"
          title={translate(d('rescreen', 'title'), { name: record.name })}
          content={translate(d('rescreen', 'content'))}
          done={d('rescreen', 'done')}
          send={() => dataProvider.rescreenVolunteer(record.id)}
        />
      )}
      {record &&
        buttons
          .filter((b) => allowed.includes(b.action) && (b.action !== 'log_hours' || canLog))
          .map((b) => (
            <Button
              key={b.action}
              label={`shequ.volunteer_action.${b.action}`}
              color={b.color ?? 'primary'}
              onClick={() => setOpen(b.action)}
              data-action={b.action}
            >
              {b.icon}
            </Button>
          ))}
      <ListButton />
      {record && open === 'sign_up' && <SignUpDialog record={record} onClose={close} />}
      {record && open === 'log_hours' && <LogHoursDialog record={record} onClose={close} />}
      {record && open !== null && open !== 'sign_up' && open !== 'log_hours' && (
        <TextDialog record={record} action={open} onClose={close} />
      )}
    </TopToolbar>
  );
};
