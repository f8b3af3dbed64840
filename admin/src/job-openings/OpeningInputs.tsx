import {
  AutocompleteInput,
  BooleanInput,
  NumberInput,
  ReferenceInput,
  TextInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { SkillsInput } from '../common/SkillsInput';
import { byName } from '../common/sort';
import { fenAsYuanText, validFen, yuanTextAsFen } from '../common/yuanInput';
import { maxNotBelowMin, notBelowPlaced } from './payload';

// The inputs create and edit share. Wages are the API's fen fields, shown and typed in yuan, so
// the API's messages about them land under them as they are.
export const OpeningInputs = ({ edit = false }: { edit?: boolean }) => (
  <>
    <ReferenceInput source="employerId" reference="employers" sort={byName}>
      {/* an opening stays with its employer */}
      <AutocompleteInput optionText="name" validate={required()} readOnly={edit} />
    </ReferenceInput>
    <TextInput source="title" validate={required()} fullWidth />
    <SkillsInput source="requiredSkills" />
    <SkillsInput source="preferredSkills" />
    <NumberInput
      source="wageMinFen"
      label="resources.job-openings.fields.wageMinYuan"
      format={fenAsYuanText}
      parse={yuanTextAsFen}
      validate={[required(), validFen]}
    />
    <NumberInput
      source="wageMaxFen"
      label="resources.job-openings.fields.wageMaxYuan"
      format={fenAsYuanText}
      parse={yuanTextAsFen}
      validate={[required(), validFen, maxNotBelowMin]}
    />
    <ReferenceInput source="streetId" reference="org-units" filter={{ kind: ['street', 'town'] }} sort={byName}>
      <AutocompleteInput optionText="name" validate={required()} helperText="resources.job-openings.helper.streetId" />
    </ReferenceInput>
    <NumberInput source="hoursPerWeek" step={1} defaultValue={40} validate={[required(), minValue(1), maxValue(84)]} />
    <BooleanInput source="physical" defaultValue={false} />
    <NumberInput
      source="placesTotal"
      step={1}
      defaultValue={1}
      validate={[required(), minValue(1), maxValue(10000), notBelowPlaced]}
    />
  </>
);
