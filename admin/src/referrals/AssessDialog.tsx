import {
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  InputAdornment,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { SkillsPicker } from '../common/SkillsPicker';
import { useActionMutation } from '../common/useActionMutation';
import { useSkillSuggestions } from '../common/useSkillSuggestions';
import type { ShequDataProvider } from '../dataProvider';
import { assessProblems, initialAssessForm, toAssessBody, type AssessForm } from './assessForm';
import { educationChoices } from './choices';
import { HelperSelect } from './HelperSelect';
import { useRefetchBurst } from './RefetchBurst';
import type { AssessBody, EducationLevel, Referral } from './types';

const a = (field: string) => `shequ.assessment.${field}`;
const fields = [
  'education',
  'skills',
  'experience',
  'maxHoursPerWeek',
  'noPhysicalWork',
  'expectedWageFen',
  'constraintsNote',
  'notes',
  'helperId',
];

/**
 * Intake: the caseworker checks what the enterprise declared with the seeker in front of her,
 * records the limits the ranking must respect and names the 一助一 helper. Sending it moves
 * the referral to matching, and the openings are ranked.
 */
export const AssessDialog = ({ record, onClose }: { record: Referral; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const burst = useRefetchBurst();
  const suggestions = useSkillSuggestions();
  const [form, setForm] = useState<AssessForm>(() => initialAssessForm(record));
  const set = (patch: Partial<AssessForm>) => setForm((f) => ({ ...f, ...patch }));
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    async (body: AssessBody) => {
      const answer = await dataProvider.assessReferral(record.id, body);
      burst();
      return answer;
    },
    { done: 'shequ.assessment.done', onDone: close },
  );
  const problems = assessProblems(form);
  const f = error?.fields ?? {};
  // A field's own problem first, then what the API said about it.
  const message = (field: keyof typeof problems | string) => {
    const local = (problems as Record<string, string | undefined>)[field];
    return local && field !== 'helperId' ? translate(local) : f[field];
  };
  const text = (field: keyof AssessForm, apiField: string, label: string, rows: number, maxLength: number) => (
    <TextField
      fullWidth
      margin="dense"
      multiline
      minRows={rows}
      name={apiField}
      label={translate(label)}
      value={form[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      error={!!message(apiField)}
      helperText={message(apiField) ?? ' '}
      slotProps={{ htmlInput: { maxLength } }}
    />
  );

  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="md">
      <DialogTitle>{translate(a('title'), { name: record.seekerName })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(a('help'))}</DialogContentText>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            required
            margin="dense"
            name="education"
            label={translate(a('education'))}
            value={form.education}
            onChange={(e) => set({ education: e.target.value as EducationLevel })}
            error={!!f.education}
            helperText={f.education ?? ' '}
            sx={{ minWidth: 200 }}
          >
            {educationChoices.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            margin="dense"
            name="maxHoursPerWeek"
            label={translate(a('maxHoursPerWeek'))}
            value={form.maxHours}
            onChange={(e) => set({ maxHours: e.target.value })}
            error={!!message('maxHoursPerWeek')}
            helperText={message('maxHoursPerWeek') ?? translate(a('hours_help'))}
            slotProps={{
              htmlInput: { inputMode: 'numeric' },
              input: { endAdornment: <InputAdornment position="end">{translate(a('hours_unit'))}</InputAdornment> },
            }}
            sx={{ minWidth: 180 }}
          />
          <TextField
            margin="dense"
            name="expectedWageFen"
            label={translate(a('expectedWageYuan'))}
            value={form.expectedWageYuan}
            onChange={(e) => set({ expectedWageYuan: e.target.value })}
            error={!!message('expectedWageFen')}
            helperText={message('expectedWageFen') ?? translate(a('wage_help'))}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            sx={{ minWidth: 180 }}
          />
        </Stack>
        <SkillsPicker
          name="skills"
          label={translate(a('skills'))}
          value={form.skills}
          onChange={(skills) => set({ skills })}
          suggestions={suggestions}
          error={f.skills ?? Object.entries(f).find(([k]) => k.startsWith('skills.'))?.[1]}
        />
        <FormControlLabel
          control={
            <Checkbox
              name="noPhysicalWork"
              checked={form.noPhysicalWork}
              onChange={(e) => set({ noPhysicalWork: e.target.checked })}
            />
          }
          label={translate(a('noPhysicalWork_label'))}
        />
        {text('experience', 'experience', a('experience'), 2, 2000)}
        {text('constraintsNote', 'constraintsNote', a('constraintsNote'), 1, 500)}
        {text('notes', 'notes', a('notes'), 2, 2000)}
        <HelperSelect
          communityId={record.communityId}
          value={form.helperId}
          onChange={(helperId) => set({ helperId })}
          error={f.helperId}
        />
        <ActionErrorAlert error={error} shown={[...fields, ...Object.keys(f).filter((k) => k.startsWith('skills.'))]} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label="shequ.assessment.submit"
          variant="contained"
          disabled={Object.keys(problems).length > 0 || isPending}
          onClick={() => mutate(toAssessBody(form))}
        />
      </DialogActions>
    </Dialog>
  );
};
