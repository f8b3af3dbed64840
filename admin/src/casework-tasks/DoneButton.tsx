import CheckIcon from '@mui/icons-material/Check';
import { useState } from 'react';
import { Button, useDataProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isAllowed } from '../access';
import { ReasonDialog } from '../common/ReasonDialog';
import type { ShequDataProvider } from '../dataProvider';
import type { Role } from '../roles';
import type { CaseworkTask } from './types';

/** 完成: asks what came of it; offered only on open tasks, to the roles that may complete them. */
export const DoneButton = ({ size = 'medium' }: { size?: 'small' | 'medium' }) => {
  const record = useRecordContext<CaseworkTask>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [open, setOpen] = useState(false);
  if (!record || record.status !== 'open' || !isAllowed(role, 'casework-tasks', 'done')) return null;
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Button
        label="shequ.casework_task.done_button"
        variant="contained"
        size={size}
        onClick={() => setOpen(true)}
        data-action="complete-task"
      >
        <CheckIcon />
      </Button>
      {open && (
        <ReasonDialog
          open
          onClose={() => setOpen(false)}
          title={translate('shequ.casework_task.done_title', { id: record.id })}
          content={translate('shequ.casework_task.done_content')}
          label={translate('resources.casework-tasks.fields.outcome')}
          field="outcome"
          required
          confirmLabel="shequ.casework_task.done_confirm"
          confirmColor="success"
          done="shequ.casework_task.done_done"
          send={(outcome) => dataProvider.completeCaseworkTask(record.id, outcome)}
        />
      )}
    </span>
  );
};
