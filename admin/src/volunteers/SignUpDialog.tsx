import {
  Alert,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { PlacesLeft } from '../common/PlacesLeft';
import { ScrollX } from '../common/ScrollX';
import { SkillChips } from '../common/SkillChips';
import { useFormatSpan } from '../common/time';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import type { VolunteerActivity } from '../volunteer-activities/types';
import type { Volunteer } from './types';

const s = (field: string) => `shequ.sign_up.${field}`;

/** What stands in the way, as far as the console can tell (the API decides, and says why). */
function obstacles(activity: VolunteerActivity, record: Volunteer): string[] {
  const out: string[] = [];
  const have = new Set(record.skills.map((k) => k.toLowerCase()));
  const missing = activity.requiredSkills.filter((k) => !have.has(k.toLowerCase()));
  if (missing.length) out.push(`missing_skills|${missing.join('、')}`);
  if (activity.servesVulnerable && record.suitability !== 'passed') out.push('needs_check');
  return out;
}

/**
 * Signs her up for an upcoming activity with places left. A full activity, one overlapping
 * another of hers, a missing skill or suitability check: the API refuses (409) and the dialog
 * shows why, so another can be chosen.
 */
export const SignUpDialog = ({ record, onClose }: { record: Volunteer; onClose: () => void }) => {
  const translate = useTranslate();
  const span = useFormatSpan();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [chosen, setChosen] = useState<number | null>(null);
  const { data, isPending: loading } = useGetList<VolunteerActivity>('volunteer-activities', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'ASC' },
    filter: { upcoming: true, hasPlaces: true },
  });
  const close = () => {
    clearError();
    onClose();
  };
  const { mutate, isPending, error, clearError } = useActionMutation(
    (activityId: number) => dataProvider.signUpVolunteer(record.id, activityId),
    {
      done: s('done'),
      onDone: close,
      conflictInDialog: true,
    },
  );
  const signedUp = new Set((record.assignments ?? []).filter((a) => a.status === 'assigned').map((a) => a.activityId));
  const activities = (data ?? []).filter((a) => a.status === 'open');
  return (
    <Dialog open onClose={isPending ? undefined : close} fullWidth maxWidth="lg">
      <DialogTitle>{translate(s('title'), { name: record.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(s('help'))}</DialogContentText>
        {loading && <LinearProgress sx={{ my: 1 }} />}
        {!loading && activities.length === 0 && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {translate(s('none'))}
          </Alert>
        )}
        {activities.length > 0 && (
          <ScrollX>
            <Table
              size="small"
              sx={{ mt: 1, '& th': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}
              className="shequ-sign-up-activities"
            >
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>{translate(s('activity'))}</TableCell>
                  <TableCell>{translate(s('time'))}</TableCell>
                  <TableCell>{translate(s('place'))}</TableCell>
                  <TableCell align="right">{translate(s('placesLeft'))}</TableCell>
                  <TableCell>{translate(s('requiredSkills'))}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {activities.map((a) => {
                  const already = signedUp.has(a.id);
                  const warnings = obstacles(a, record);
                  return (
                    <TableRow
                      key={a.id}
                      hover={!already}
                      selected={chosen === a.id}
                      onClick={already ? undefined : () => setChosen(a.id)}
                      sx={{ cursor: already ? 'default' : 'pointer', opacity: already ? 0.6 : 1 }}
                      data-activity-id={a.id}
                    >
                      <TableCell padding="checkbox">
                        <Radio
                          checked={chosen === a.id}
                          disabled={already}
                          name="activityId"
                          value={a.id}
                          slotProps={{ input: { 'aria-label': a.title } }}
                        />
                      </TableCell>
                      <TableCell sx={{ minWidth: 180 }}>
                        <Typography variant="body2" fontWeight={500}>
                          {a.title}
                        </Typography>
                        <Typography variant="caption" color="text.secondary" component="div">
                          {a.teamName} · {a.communityName}
                        </Typography>
                        {a.servesVulnerable && (
                          <Chip
                            size="small"
                            variant="outlined"
                            color="secondary"
                            label={translate('shequ.activity.serves_vulnerable')}
                            sx={{ mt: 0.5 }}
                          />
                        )}
                        {already && <Chip size="small" label={translate(s('already'))} sx={{ mt: 0.5, ml: 0.5 }} />}
                        {warnings.map((w) => {
                          const [key, arg] = w.split('|');
                          return (
                            <Typography key={key} variant="caption" color="warning.main" component="div">
                              {translate(s(key), { skills: arg })}
                            </Typography>
                          );
                        })}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{span(a.startsAt, a.endsAt)}</TableCell>
                      <TableCell>{a.place}</TableCell>
                      <TableCell align="right">
                        <PlacesLeft left={a.placesLeft} total={a.placesTotal} />
                      </TableCell>
                      <TableCell>
                        <SkillChips skills={a.requiredSkills} highlight={record.skills} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollX>
        )}
        <ActionErrorAlert error={error} shown={[]} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
        <Button
          label={s('submit')}
          variant="contained"
          disabled={chosen === null || isPending}
          onClick={() => chosen !== null && mutate(chosen)}
        />
      </DialogActions>
    </Dialog>
  );
};
