import { Datagrid, List, NumberInput, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { byName } from '../common/sort';
import { kindChoices, reasonChoices } from './choices';
import { CaseLinkField, DeadlineField, ProblemField, SinceField } from './fields';
import { KindField } from './KindChip';
import { ReasonsField } from './ReasonChips';
import { WorkflowStageField } from './WorkflowStageChip';

const filters = [
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="reason" source="reason" choices={reasonChoices} alwaysOn />,
  // Streets are few: a plain select.
  <ReferenceInput
    key="streetId"
    source="streetId"
    reference="org-units"
    filter={{ kind: 'street' }}
    sort={byName}
    perPage={200}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NumberInput key="minAgeDays" source="minAgeDays" min={0} step={1} />,
];

// Stuck the longest first; the API sorts by since, deadlineAt, kind, id. Workflows get stuck
// and unstuck without anyone touching the page, so it looks again every 15 s. No filter sidebar:
// the table needs the width, and kind and reason are always-on selects above it. The error text,
// the attempts and the link into Temporal are on the workflow's page, so the table fits 1280 px.
export const WorkflowList = () => (
  <List
    filters={filters}
    sort={{ field: 'since', order: 'ASC' }}
    perPage={25}
    exporter={false}
    queryOptions={{ refetchInterval: 15_000 }}
    className="shequ-workflow-list"
  >
    {/* headers on one line: narrow columns would otherwise stack them a character a line */}
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
      <KindField source="kind" />
      <ReasonsField source="reasons" sortable={false} />
      <CaseLinkField source="caseId" sortable={false} />
      <WorkflowStageField source="stage" sortable={false} />
      <SinceField source="since" />
      <DeadlineField source="deadlineAt" />
      <ProblemField source="problem" sortable={false} />
      <TextField source="assigneeName" sortable={false} emptyText="—" />
      <TextField source="streetName" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
