import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { areaFilters } from '../common/AreaFilters';
import { CoverageChartPanel } from './CoverageChartPanel';
import { MetField, RatioField } from './fields';

const filters = [areaFilters[0]];

// The API sorts by id, communityName, ratio, active, residents.

/**
 * Volunteer coverage (志愿者覆盖率): active volunteers per community against the target of 1 %
 * of residents, as bars and as a table; by street.
 */
export const CoverageList = () => (
  <List
    filters={filters}
    sort={{ field: 'id', order: 'ASC' }}
    perPage={100}
    exporter={false}
    className="shequ-coverage"
  >
    <CoverageChartPanel />
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="communityName" />
      <TextField source="streetName" sortable={false} />
      <NumberField source="residents" />
      <NumberField source="target" sortable={false} />
      <NumberField source="active" />
      <RatioField source="ratio" textAlign="right" />
      <MetField source="met" sortable={false} />
    </Datagrid>
  </List>
);
