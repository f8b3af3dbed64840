import { Chip, Stack } from '@mui/material';

/** Skills as chips; `highlight` marks those the other side has too (an opening's in a seeker's). */
export const SkillChips = ({
  skills,
  highlight = [],
}: {
  skills: readonly string[] | undefined;
  highlight?: readonly string[];
}) => {
  if (!skills?.length) return <>—</>;
  const have = new Set(highlight.map((s) => s.toLowerCase()));
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" component="span">
      {skills.map((s) => (
        <Chip
          key={s}
          size="small"
          label={s}
          variant={have.has(s.toLowerCase()) ? 'filled' : 'outlined'}
          color={have.has(s.toLowerCase()) ? 'success' : 'default'}
        />
      ))}
    </Stack>
  );
};
