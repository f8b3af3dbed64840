import { Typography } from '@mui/material';
import { cloneElement } from 'react';
import {
  Datagrid,
  List,
  NumberInput,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  type FieldProps,
} from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { PaymentFilterSidebar } from './PaymentFilterSidebar';
import { KindField, PaymentStatusField } from './PaymentStatusField';
import { kindChoices, statusChoices, type Payment } from './types';

// A month picker gives "YYYY-MM" or nothing; anything else is not sent (the API would refuse it).
const period = (v: string) => (/^\d{4}-\d{2}$/.test(v ?? '') ? v : undefined);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput
    key="period"
    source="period"
    type="month"
    parse={period}
    alwaysOn
    slotProps={{ inputLabel: { shrink: true } }}
  />,
  // Month, street and status stay in view (an input shown from the start follows the sidebar's
  // clicks too); kind and the rest are one click away.
  cloneElement(areaFilters[0], { alwaysOn: true }),
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  ...areaFilters.slice(1),
  <NumberInput key="runId" source="runId" />,
  <NumberInput key="enrollmentId" source="enrollmentId" />,
];

const AreaField = (_props: FieldProps<Payment> & { sortBy?: string }) => {
  const record = useRecordContext<Payment>();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2" component="span">
        {record.communityName}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
        {record.streetName}
      </Typography>
    </>
  );
};

const AccountField = (_props: FieldProps<Payment>) => {
  const record = useRecordContext<Payment>();
  return record ? <span style={{ fontFamily: 'monospace' }}>{record.accountMasked || '—'}</span> : null;
};

const rowSx = (record: Payment) => (record.status === 'failed' ? { backgroundColor: 'rgba(211, 47, 47, 0.06)' } : {});

// The API sorts by id, amountFen, period, status, name; everyone sees the lines of her own area.
export const PaymentList = () => (
  <List
    filters={filters}
    sort={{ field: 'id', order: 'DESC' }}
    exporter={false}
    aside={<PaymentFilterSidebar />}
    className="shequ-payment-list"
  >
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      rowSx={rowSx}
      sx={{
        '& .RaDatagrid-headerCell, & .column-id, & .column-period, & .column-amountFen, & .column-accountMasked': {
          whiteSpace: 'nowrap',
        },
      }}
    >
      <TextField source="id" />
      <TextField source="period" />
      <TextField source="name" />
      <AreaField source="communityName" sortable={false} />
      <KindField source="kind" sortable={false} />
      <MoneyField source="amountFen" />
      <AccountField source="accountMasked" sortable={false} />
      <PaymentStatusField source="status" />
      <DateTimeField source="updatedAt" sortable={false} />
    </Datagrid>
  </List>
);
