import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslate, useUserMenu } from 'react-admin';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/** "Change password" in the user menu; the dialog outlives the menu closing. */
export const ChangePasswordMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const [open, setOpen] = useState(false);
  return (
    <>
      <MenuItem onClick={() => setOpen(true)} className="shequ-change-password">
        <ListItemIcon>
          <KeyIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('shequ.password.title')}</ListItemText>
      </MenuItem>
      <ChangePasswordDialog
        open={open}
        onClose={() => {
          setOpen(false);
          userMenu?.onClose();
        }}
      />
    </>
  );
};
