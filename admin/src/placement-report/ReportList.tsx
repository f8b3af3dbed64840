import { Datagrid, List, NumberField, TextField, TextInput } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { RateField } from './RateField';

// Month pickers give "YYYY-MM" or nothing; anything else is not sent (the API would refuse it).
const month = (v: string) => (/^\d{4}-\d{2}$/.test(v ?? '') ? v : undefined);

const filters = [
  <TextInput
    key="from"
    source="from"
    type="month"
    parse={month}
    alwaysOn
    slotProps={{ inputLabel: { shrink: true } }}
  />,
  <TextInput key="to" source="to" type="month" parse={month} alwaysOn slotProps={{ inputLabel: { shrink: true } }} />,
  areaFilters[0],
];

// The API sorts by month, streetName, placed.
const r = (field: string) => `resources.placement-report.fields.${field}`;

/** Placements per street and month (of the start date), and how many were still in the job at the 1-, 3- and 6-month follow-ups. */
export const ReportList = () => (
  <List
    filters={filters}
    sort={{ field: 'month', order: 'DESC' }}
    exporter={false}
    perPage={50}
    className="shequ-placement-report"
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="month" />
      <TextField source="streetName" />
      <NumberField source="placed" />
      <RateField month={1} label={r('rate1')} textAlign="right" />
      <RateField month={3} label={r('rate3')} textAlign="right" />
      <RateField month={6} label={r('rate6')} textAlign="right" />
    </Datagrid>
  </List>
);
