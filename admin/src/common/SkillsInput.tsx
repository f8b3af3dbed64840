import { FieldTitle, useInput, useResourceContext, useTranslate, type InputProps } from 'react-admin';
import { SkillsPicker } from './SkillsPicker';
import { useSkillSuggestions } from './useSkillSuggestions';

/**
 * A react-admin input for a `string[]` of skills (an opening's, a seeker's). Suggestions are the
 * open openings' skills unless the form passes its own (volunteers and their activities).
 */
export const SkillsInput = ({
  suggestions: own,
  ...props
}: InputProps & { label?: string; suggestions?: readonly string[] }) => {
  const translate = useTranslate();
  const resource = useResourceContext(props);
  const fromOpenings = useSkillSuggestions(!own);
  const suggestions = own ?? fromOpenings;
  const { field, fieldState, isRequired } = useInput({ defaultValue: [], ...props });
  const error =
    fieldState.invalid && fieldState.error?.message
      ? translate(fieldState.error.message, { _: fieldState.error.message })
      : undefined;
  return (
    <SkillsPicker
      name={field.name}
      label={<FieldTitle label={props.label} source={props.source} resource={resource} isRequired={isRequired} />}
      value={Array.isArray(field.value) ? field.value : []}
      onChange={field.onChange}
      onBlur={field.onBlur}
      suggestions={suggestions}
      error={error}
    />
  );
};
