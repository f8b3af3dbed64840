import { Typography } from '@mui/material';
import {
  Datagrid,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  useRecordContext,
  type FieldProps,
} from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { DateTimeField } from '../common/DateTimeField';
import { byName } from '../common/sort';
import { referralStageChoices } from '../common/stages';
import { ReferralFilterSidebar } from './ReferralFilterSidebar';
import { ReferralStageField } from './ReferralStageField';
import type { Referral } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={referralStageChoices} />,
  ...areaFilters,
  // Enterprises are few: a plain select.
  <ReferenceInput key="enterpriseId" source="enterpriseId" reference="enterprises" sort={byName} perPage={500}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NumberInput key="batchId" source="batchId" />,
];

// Past the to-be-placed-by date: tinted so a supervisor's eye goes there first.
const rowSx = (record: Referral) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {});

const SeekerField = (_props: FieldProps<Referral> & { sortBy?: string }) => {
  const record = useRecordContext<Referral>();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2">{record.seekerName}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {record.idNumberMasked} · {record.age}
      </Typography>
    </>
  );
};

const AreaField = (_props: FieldProps<Referral>) => {
  const record = useRecordContext<Referral>();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2">{record.communityName}</Typography>
      <Typography variant="caption" color="text.secondary">
        {record.streetName}
      </Typography>
    </>
  );
};

// The API sorts by id, createdAt, stage, stageSince, deadlineAt, seekerName.
export const ReferralList = () => (
  <List
    filters={filters}
    sort={{ field: 'id', order: 'DESC' }}
    exporter={false}
    aside={<ReferralFilterSidebar />}
    className="shequ-referral-list"
  >
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
      <TextField source="id" />
      <SeekerField source="seekerName" sortBy="seekerName" />
      <AreaField source="communityName" sortable={false} />
      <TextField source="enterpriseName" sortable={false} />
      <ReferralStageField source="stage" />
      <TextField source="helperName" sortable={false} emptyText="—" />
      <DateTimeField source="stageSince" />
      <DateTimeField source="deadlineAt" emptyText="—" />
    </Datagrid>
  </List>
);
