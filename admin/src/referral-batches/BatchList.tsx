import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { batchReferralsPath } from './links';

// The API sorts by id, receivedOn, reference, enterpriseName.
// A batch is read through its referrals: a click opens the referral queue filtered to it.
export const BatchList = () => (
  <List sort={{ field: 'id', order: 'DESC' }} exporter={false} className="shequ-batch-list">
    <Datagrid rowClick={(id) => batchReferralsPath(id)} bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="enterpriseName" />
      <TextField source="reference" />
      <TextField source="receivedOn" />
      <NumberField source="count" sortable={false} />
      <DateTimeField source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);
