import { cloneElement } from 'react';
import { Datagrid, List, SearchInput, SelectInput, TextField, TextInput } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { MoneyField } from '../common/MoneyField';
import { AreaField, FollowUpsField, PlacementStatusField } from './fields';
import { placementStatusChoices, type PlacementRow } from './types';

// A month picker gives "YYYY-MM" or nothing; anything else is not sent (the API would refuse it).
const month = (v: string) => (/^\d{4}-\d{2}$/.test(v ?? '') ? v : undefined);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput
    key="month"
    source="month"
    type="month"
    parse={month}
    alwaysOn
    slotProps={{ inputLabel: { shrink: true } }}
  />,
  cloneElement(areaFilters[0], { alwaysOn: true }),
  <SelectInput key="status" source="status" choices={placementStatusChoices} alwaysOn />,
];

// The API sorts by id, startDate, wageFen, seekerName, employerName.
// A placement is read on its referral's page (the seeker's page).
export const PlacementList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false} className="shequ-placement-list">
    <Datagrid
      rowClick={(_id, _resource, record) => `/referrals/${(record as PlacementRow).referralId}/show`}
      bulkActionButtons={false}
    >
      <TextField source="id" />
      <TextField source="seekerName" />
      <TextField source="employerName" />
      <TextField source="jobTitle" sortable={false} />
      <MoneyField source="wageFen" />
      <TextField source="startDate" />
      <AreaField source="communityName" sortable={false} />
      <PlacementStatusField source="status" sortable={false} />
      <FollowUpsField source="followUps" sortable={false} />
    </Datagrid>
  </List>
);
