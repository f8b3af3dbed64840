import AlarmAddIcon from '@mui/icons-material/AlarmAdd';
import CancelIcon from '@mui/icons-material/Cancel';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import ReplayIcon from '@mui/icons-material/Replay';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useState, type ReactElement } from 'react';
import { Button, ListButton, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { isAllowed } from '../access';
import type { Role } from '../roles';
import { ExtendDialog } from './ExtendDialog';
import { ReassignDialog } from './ReassignDialog';
import { ReasonActionDialog } from './ReasonActionDialog';
import type { WorkflowAction, WorkflowDetail } from './types';

const buttons: { action: WorkflowAction; icon: ReactElement; color?: 'error' }[] = [
  { action: 'reassign', icon: <SwapHorizIcon /> },
  { action: 'extend', icon: <AlarmAddIcon /> },
  { action: 'remind', icon: <NotificationsActiveIcon /> },
  { action: 'retry', icon: <ReplayIcon /> },
  { action: 'terminate', icon: <CancelIcon />, color: 'error' },
];

/**
 * The actions the API lists in `allowedActions` for this workflow and this user (it knows
 * whether an activity is failing, whether the stage has a deadline); none once the workflow has
 * left the stuck list.
 */
export const WorkflowActions = ({ gone }: { gone: boolean }) => {
  const record = useRecordContext<WorkflowDetail>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const allowed = gone ? [] : (record?.allowedActions ?? []).filter((a) => isAllowed(role, 'workflows', a));
  const close = () => setOpen(null);
  return (
    <TopToolbar className="shequ-workflow-actions">
      {record &&
        buttons
          .filter((b) => allowed.includes(b.action))
          .map((b) => (
            <Button
              key={b.action}
              label={`shequ.workflow_action.${b.action}`}
              color={b.color ?? 'primary'}
              onClick={() => setOpen(b.action)}
              data-action={b.action}
            >
              {b.icon}
            </Button>
          ))}
      <ListButton />
      {record && open === 'reassign' && <ReassignDialog record={record} onClose={close} />}
      {record && open === 'extend' && <ExtendDialog record={record} onClose={close} />}
      {record && (open === 'remind' || open === 'retry' || open === 'terminate') && (
        <ReasonActionDialog action={open} record={record} onClose={close} />
      )}
    </TopToolbar>
  );
};
