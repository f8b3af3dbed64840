import { ListSubheader } from '@mui/material';
import DefaultIcon from '@mui/icons-material/ViewList';
import { createElement, Fragment } from 'react';
import {
  Menu,
  useGetResourceLabel,
  usePermissions,
  useResourceDefinitions,
  useSidebarState,
  useStoreContext,
  useTranslate,
} from 'react-admin';
import { isAllowed } from '../access';
import type { Role } from '../roles';

// The menu by programme, as the bureau is organised; each role sees only the groups holding
// something it may open. A click opens the list afresh — react-admin's remembered list params
// (`<resource>.listParams` in its store) are dropped first — rather than with whatever filter was
// last used there: a caseworker's 待我办理 must not follow her into another list.

const groups: [string, string[]][] = [
  [
    'dibao',
    [
      'applications',
      'enrollments',
      'households',
      'casework-tasks',
      'allowance-standards',
      'employment-income-rules',
      'imports',
    ],
  ],
  ['disbursement', ['disbursement-runs', 'payments', 'disbursement-schedule']],
  [
    'employment',
    ['referrals', 'referral-batches', 'job-seekers', 'job-openings', 'employers', 'placements', 'placement-report'],
  ],
  ['volunteers', ['volunteers', 'volunteer-teams', 'volunteer-activities', 'volunteer-hours', 'volunteer-coverage']],
  ['supervision', ['workflows']],
  ['system', ['org-units', 'audit-events', 'users']],
];

export const ShequMenu = () => {
  const translate = useTranslate();
  const label = useGetResourceLabel();
  const definitions = useResourceDefinitions();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [open] = useSidebarState();
  const store = useStoreContext();
  const grouped = new Set(groups.flatMap(([, names]) => names));
  // A resource added without a group still shows, at the end, so nothing is lost from the menu.
  const all: [string, string[]][] = [...groups, ['other', Object.keys(definitions).filter((n) => !grouped.has(n))]];
  const visible = (name: string) => !!definitions[name]?.hasList && isAllowed(role, name, 'list');
  return (
    <Menu>
      <Menu.DashboardItem />
      {all.map(([group, names]) => {
        const shown = names.filter(visible);
        if (!shown.length) return null;
        return (
          <Fragment key={group}>
            {open && (
              <ListSubheader disableSticky sx={{ lineHeight: '32px', bgcolor: 'transparent' }} data-menu-group={group}>
                {translate(`shequ.menu.${group}`)}
              </ListSubheader>
            )}
            {shown.map((name) => (
              <Menu.Item
                key={name}
                to={`/${name}`}
                onClick={() => store.removeItem(`${name}.listParams`)}
                primaryText={label(name, 2)}
                leftIcon={createElement(definitions[name].icon ?? DefaultIcon)}
              />
            ))}
          </Fragment>
        );
      })}
    </Menu>
  );
};
