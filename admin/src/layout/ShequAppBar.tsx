import { AppBar, LoadingIndicator, LocalesMenuButton, Logout, ToggleThemeButton, UserMenu } from 'react-admin';
import { ChangePasswordMenuItem } from '../account/ChangePasswordMenuItem';
import { NotificationBell } from '../notifications/NotificationBell';

// react-admin's own toolbar (language, theme, loading), then the bell, just before the user menu.
const toolbar = (
  <>
    <LocalesMenuButton />
    <ToggleThemeButton />
    <LoadingIndicator />
    <NotificationBell />
  </>
);

const userMenu = (
  <UserMenu>
    <ChangePasswordMenuItem />
    <Logout />
  </UserMenu>
);

export const ShequAppBar = () => <AppBar toolbar={toolbar} userMenu={userMenu} />;
