import {
  BooleanInput,
  Create,
  DateInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  SimpleForm,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { deductionKinds } from '../../../contract/employment-income-rules';
import { toIncomeRulePayload, type IncomeRuleForm } from './payload';

const kindChoices = deductionKinds.map((id) => ({ id, name: `shequ.income_rule.${id}` }));

const shareAtMost100 = (value: unknown, all: Partial<IncomeRuleForm>) =>
  all.deductionKind === 'share' && typeof value === 'number' && value > 100
    ? 'shequ.income_rule.share_above_100'
    : undefined;

export const RuleCreate = () => (
  <Create mutationMode="pessimistic" redirect="list" transform={(data: IncomeRuleForm) => toIncomeRulePayload(data)}>
    <SimpleForm defaultValues={{ deductionKind: 'fixed', exitCeilingMultiple: 1.5, gradualMonths: 6, stepDown: false }}>
      <DateInput
        source="effectiveFrom"
        validate={required()}
        helperText="resources.employment-income-rules.helper.effectiveFrom"
      />
      <RadioButtonGroupInput source="deductionKind" choices={kindChoices} validate={required()} />
      <FormDataConsumer<IncomeRuleForm>>
        {({ formData }) => (
          <NumberInput
            source="deductionAmount"
            step={formData.deductionKind === 'fixed' ? 0.01 : 1}
            validate={[required(), minValue(0), shareAtMost100]}
            helperText={
              formData.deductionKind === 'fixed'
                ? 'resources.employment-income-rules.helper.deductionFixed'
                : 'resources.employment-income-rules.helper.deductionShare'
            }
          />
        )}
      </FormDataConsumer>
      <NumberInput
        source="exitCeilingMultiple"
        step={0.05}
        validate={[required(), minValue(1), maxValue(3)]}
        helperText="resources.employment-income-rules.helper.exitCeilingMultiple"
      />
      <NumberInput source="gradualMonths" step={1} validate={[required(), minValue(1), maxValue(24)]} />
      <BooleanInput source="stepDown" helperText="resources.employment-income-rules.helper.stepDown" />
    </SimpleForm>
  </Create>
);
