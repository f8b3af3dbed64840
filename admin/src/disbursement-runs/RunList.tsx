import { Typography } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  FilterButton,
  List,
  NumberField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { isAllowed } from '../access';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { ScheduleSummary } from '../disbursement-schedule/ScheduleSummary';
import type { Role } from '../roles';
import { PhaseField } from './PhaseChip';
import { listRefetchInterval } from './polling';
import { RunProgressField } from './RunProgress';
import { StartRunButton } from './StartRunButton';
import { phaseChoices, type Run } from './types';

const filters = [
  <SelectInput key="phase" source="phase" choices={phaseChoices} />,
  <BooleanInput key="overdue" source="overdue" />,
];

const Actions = () => {
  const { permissions: role } = usePermissions<Role | undefined>();
  return (
    <TopToolbar>
      <FilterButton />
      {isAllowed(role, 'disbursement-runs', 'create') && <StartRunButton />}
    </TopToolbar>
  );
};

/** Paid / failed, once the bank has answered. */
const BankField = (_props: FieldProps<Run>) => {
  const record = useRecordContext<Run>();
  const translate = useTranslate();
  if (!record || (!record.linesPaid && !record.linesFailed)) return <>—</>;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {/* once completed, the failed lines were re-issued or carried: the run page's report says which */}
      {record.phase === 'completed'
        ? translate('shequ.disbursement.paid_only', { paid: record.linesPaid })
        : translate('shequ.disbursement.paid_failed', { paid: record.linesPaid, failed: record.linesFailed })}
    </Typography>
  );
};

const TriggerField = (_props: FieldProps<Run>) => {
  const record = useRecordContext<Run>();
  const translate = useTranslate();
  return record ? <>{translate(`shequ.disbursement.trigger.${record.trigger}`, { _: record.trigger })}</> : null;
};

const rowSx = (record: Run) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {});

// The API sorts by id, period, startedAt, totalFen. The list looks again every second while a
// run builds, so its progress bar moves by itself.
export const RunList = () => (
  <>
    <ScheduleSummary />
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'period', order: 'DESC' }}
      exporter={false}
      empty={false}
      queryOptions={{ refetchInterval: listRefetchInterval }}
      className="shequ-run-list"
    >
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={rowSx}>
        <TextField source="period" />
        <PhaseField source="phase" sortable={false} />
        <RunProgressField source="progress" sortable={false} />
        <NumberField source="lines" sortable={false} />
        <MoneyField source="totalFen" />
        <BankField source="linesPaid" sortable={false} />
        <TriggerField source="trigger" sortable={false} />
        <DateTimeField source="startedAt" />
        <DateTimeField source="completedAt" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  </>
);
