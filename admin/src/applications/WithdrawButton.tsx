import UndoIcon from '@mui/icons-material/Undo';
import { useState } from 'react';
import { Button, useRecordContext } from 'react-admin';
import type { Application } from './types';
import { WithdrawDialog } from './WithdrawDialog';

/** Shown when the API allows this user to withdraw the case (caseworkers, supervisors; open cases). */
export const WithdrawButton = () => {
  const record = useRecordContext<Application>();
  const [open, setOpen] = useState(false);
  if (!record || !record.allowedActions?.includes('withdraw')) return null;
  return (
    <>
      <Button label="shequ.withdraw.button" color="warning" onClick={() => setOpen(true)} data-action="withdraw">
        <UndoIcon />
      </Button>
      {open && <WithdrawDialog record={record} open onClose={() => setOpen(false)} />}
    </>
  );
};
