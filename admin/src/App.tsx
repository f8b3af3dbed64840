import { Admin, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import allowanceStandards from './allowance-standards';
import applications from './applications';
import auditEvents from './audit-events';
import caseworkTasks from './casework-tasks';
import { authProvider } from './authProvider';
import { Dashboard } from './Dashboard';
import disbursementRuns from './disbursement-runs';
import disbursementSchedule from './disbursement-schedule';
import { dataProvider } from './dataProvider';
import employers from './employers';
import employmentIncomeRules from './employment-income-rules';
import enrollments from './enrollments';
import households from './households';
import { i18nProvider } from './i18n';
import imports from './imports';
import jobOpenings from './job-openings';
import jobSeekers from './job-seekers';
import { ShequLayout } from './layout/ShequLayout';
import { ShequLogin } from './layout/ShequLogin';
import notifications from './notifications';
import orgUnits from './org-units';
import payments from './payments';
import placementReport from './placement-report';
import placements from './placements';
import referralBatches from './referral-batches';
import referrals from './referrals';
import { darkTheme, lightTheme } from './theme';
import users from './users';
import volunteerActivities from './volunteer-activities';
import volunteerCoverage from './volunteer-coverage';
import volunteerHours from './volunteer-hours';
import volunteerTeams from './volunteer-teams';
import volunteers from './volunteers';
import workflows from './workflows';

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
    layout={ShequLayout}
    loginPage={ShequLogin}
    requireAuth
    disableTelemetry
  >
    <Resource name="applications" {...applications} />
    <Resource name="enrollments" {...enrollments} />
    <Resource name="households" {...households} />
    <Resource name="casework-tasks" {...caseworkTasks} />
    <Resource name="disbursement-runs" {...disbursementRuns} />
    <Resource name="payments" {...payments} />
    <Resource name="disbursement-schedule" {...disbursementSchedule} />
    <Resource name="allowance-standards" {...allowanceStandards} />
    <Resource name="employment-income-rules" {...employmentIncomeRules} />
    <Resource name="imports" {...imports} />
    <Resource name="referrals" {...referrals} />
    <Resource name="referral-batches" {...referralBatches} />
    <Resource name="job-seekers" {...jobSeekers} />
    <Resource name="job-openings" {...jobOpenings} />
    <Resource name="employers" {...employers} />
    <Resource name="placements" {...placements} />
    <Resource name="placement-report" {...placementReport} />
    <Resource name="volunteers" {...volunteers} />
    <Resource name="volunteer-teams" {...volunteerTeams} />
    <Resource name="volunteer-activities" {...volunteerActivities} />
    <Resource name="volunteer-hours" {...volunteerHours} />
    <Resource name="volunteer-coverage" {...volunteerCoverage} />
    <Resource name="workflows" {...workflows} />
    <Resource name="org-units" {...orgUnits} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="users" {...users} />
    {/* the bell's "see all": a route of the resource, not its `list`, so no menu entry */}
    <Resource name="notifications" icon={notifications.icon}>
      <Route path="/" element={<notifications.list />} />
    </Resource>
  </Admin>
);
