import { Admin, Resource } from 'react-admin';
import applications from './applications';
import auditEvents from './audit-events';
import { authProvider } from './authProvider';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import orgUnits from './org-units';
import { darkTheme, lightTheme } from './theme';
import users from './users';

// Menu entries follow authProvider.canAccess: a resource the role may not list is not shown.
export const App = () => (
  <Admin
    title="社区 Shequ"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    theme={lightTheme}
    darkTheme={darkTheme}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <Resource name="applications" {...applications} />
    <Resource name="org-units" {...orgUnits} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="users" {...users} />
  </Admin>
);
