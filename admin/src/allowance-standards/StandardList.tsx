import { Datagrid, List, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';

/** Effective-dated standards: a new row applies from its date on, without a deploy. */
export const StandardList = () => (
  <List sort={{ field: 'effectiveFrom', order: 'DESC' }} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="effectiveFrom" />
      <MoneyField source="standardFen" sortable={false} />
      <MoneyField source="floorPerPersonFen" sortable={false} />
      <TextField source="note" sortable={false} />
      <DateTimeField source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);
