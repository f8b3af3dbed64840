import UndoIcon from '@mui/icons-material/Undo';
import { useState } from 'react';
import { Button, useCanAccess, useRecordContext } from 'react-admin';
import { closedStages } from './stages';
import type { Application } from './types';
import { WithdrawDialog } from './WithdrawDialog';

/** Caseworkers and supervisors may withdraw an application that is still open. */
export const WithdrawButton = () => {
  const record = useRecordContext<Application>();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'withdraw' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || closedStages.includes(record.stage)) return null;
  return (
    <>
      <Button label="shequ.withdraw.button" color="warning" onClick={() => setOpen(true)}>
        <UndoIcon />
      </Button>
      <WithdrawDialog record={record} open={open} onClose={() => setOpen(false)} />
    </>
  );
};
