import { AppBar, LoadingIndicator, LocalesMenuButton, ToggleThemeButton } from 'react-admin';
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

export const ShequAppBar = () => <AppBar toolbar={toolbar} />;
