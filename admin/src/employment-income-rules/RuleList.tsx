import { Datagrid, FunctionField, List, TextField, useTranslate } from 'react-admin';
import type { EmploymentIncomeRule } from '../../../contract/employment-income-rules';
import { DateTimeField } from '../common/DateTimeField';
import { formatCeiling, formatDeduction } from './payload';

/** Effective-dated rules: a new row applies to income reviews from its date on, without a deploy. */
export const RuleList = () => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'effectiveFrom', order: 'DESC' }} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="effectiveFrom" />
        <FunctionField<EmploymentIncomeRule>
          source="deductionValue"
          sortable={false}
          render={(r) =>
            r.deductionKind === 'fixed'
              ? translate('shequ.income_rule.per_person', { amount: formatDeduction(r) })
              : formatDeduction(r)
          }
        />
        <FunctionField<EmploymentIncomeRule>
          source="exitCeilingPercent"
          sortable={false}
          render={(r) => formatCeiling(r.exitCeilingPercent)}
        />
        <FunctionField<EmploymentIncomeRule>
          source="gradualMonths"
          sortable={false}
          render={(r) => translate('shequ.income_rule.months', { n: r.gradualMonths })}
        />
        <FunctionField<EmploymentIncomeRule>
          source="stepDown"
          sortable={false}
          render={(r) => translate(r.stepDown ? 'shequ.income_rule.step_down' : 'shequ.income_rule.flat')}
        />
        <DateTimeField source="createdAt" sortable={false} />
      </Datagrid>
    </List>
  );
};
