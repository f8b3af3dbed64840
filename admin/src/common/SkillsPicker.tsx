import { Autocomplete, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

// Skills are free words ("电工", "叉车"): a caseworker types one and presses Enter, or separates
// several with commas; what is still typed when the field is left is kept too, so nothing typed
// is lost. Matching compares them case-insensitively with the openings' skills.

const SEPARATORS = /[,，、;；\n]+/;

/** Adds the words of `text` to `list`, once each (case-insensitive), in order. */
export function addSkills(list: readonly string[], text: string): string[] {
  const out = [...list];
  for (const word of text
    .split(SEPARATORS)
    .map((w) => w.trim())
    .filter(Boolean)) {
    if (!out.some((s) => s.toLowerCase() === word.toLowerCase())) out.push(word.slice(0, 30));
  }
  return out;
}

interface Props {
  name: string;
  label: ReactNode;
  value: string[];
  onChange: (skills: string[]) => void;
  /** Words already in use (the openings' skills), offered while typing. */
  suggestions?: readonly string[];
  error?: string | false;
  helperText?: string;
  required?: boolean;
  onBlur?: () => void;
}

export const SkillsPicker = ({
  name,
  label,
  value,
  onChange,
  suggestions = [],
  error,
  helperText,
  required,
  onBlur,
}: Props) => {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const commit = () => {
    if (text.trim()) onChange(addSkills(value, text));
    setText('');
  };
  return (
    <Autocomplete
      multiple
      freeSolo
      options={suggestions.filter((s) => !value.includes(s))}
      value={value}
      inputValue={text}
      onInputChange={(_e, next, reason) => {
        // a separator typed (or pasted) ends a word
        if (reason === 'input' && SEPARATORS.test(next)) {
          const parts = next.split(SEPARATORS);
          const rest = parts.pop() ?? '';
          onChange(addSkills(value, parts.join(',')));
          setText(rest);
        } else setText(reason === 'reset' ? '' : next);
      }}
      onChange={(_e, next) => onChange(addSkills([], next.join(',')))}
      onBlur={() => {
        commit();
        onBlur?.();
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={name}
          label={label}
          required={required}
          error={!!error}
          helperText={error || helperText || translate('shequ.skills.help')}
          margin="dense"
        />
      )}
    />
  );
};
