import {
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, useDataProvider, useGetList, usePermissions, useTranslate } from 'react-admin';
import { careFlags } from '../../../domain/home-visits';
import { isAllowed } from '../access';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { Facts, Section } from '../common/Section';
import { ScrollX } from '../common/ScrollX';
import { TextAreaField } from '../common/TextAreaField';
import { useFormatInstant, useFormatSpan } from '../common/time';
import { useActionMutation } from '../common/useActionMutation';
import type { ShequDataProvider } from '../dataProvider';
import { CareFlagChips, OutcomeChip, VisitStatusChip } from '../home-visits/chips';
import type { CareFlag, HomeVisit } from '../home-visits/types';
import type { Role } from '../roles';
import type { Household } from './types';

// The household's care flags (孤老、重残、重病) and the volunteers' visits they bring: a caseworker
// of the community sets the flags; the visits are planned by the system and recorded on the
// activity's page.

const c = (key: string) => `shequ.care.${key}`;

const CareFlagsDialog = ({ record, onClose }: { record: Household; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [flags, setFlags] = useState<CareFlag[]>(record.care?.flags ?? []);
  const [note, setNote] = useState('');
  const { mutate, isPending, error } = useActionMutation(
    () => dataProvider.setCareFlags(record.id, { flags, note: note.trim() }),
    { done: c('saved'), onDone: onClose },
  );
  const toggle = (f: CareFlag) => setFlags((fs) => (fs.includes(f) ? fs.filter((x) => x !== f) : [...fs, f]));
  return (
    <Dialog open onClose={isPending ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(c('dialog_title'), { name: record.headName })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(c('dialog_help'))}</DialogContentText>
        <FormGroup sx={{ mt: 1 }}>
          {careFlags.map((f) => (
            <FormControlLabel
              key={f}
              control={<Checkbox checked={flags.includes(f)} onChange={() => toggle(f)} name={f} />}
              label={translate(c(`flag.${f}`))}
            />
          ))}
        </FormGroup>
        {error?.fields.flags && <FormHelperText error>{error.fields.flags}</FormHelperText>}
        <TextAreaField
          name="note"
          label={translate(c('note'))}
          value={note}
          onChange={setNote}
          error={error?.fields.note}
          maxLength={500}
          required={false}
        />
        <ActionErrorAlert error={error} shown={['flags', 'note']} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
        <Button label="ra.action.save" variant="contained" disabled={isPending} onClick={() => mutate(undefined)} />
      </DialogActions>
    </Dialog>
  );
};

const HouseholdVisits = ({ householdId }: { householdId: number }) => {
  const translate = useTranslate();
  const span = useFormatSpan();
  const { data, isPending } = useGetList<HomeVisit>('home-visits', {
    pagination: { page: 1, perPage: 24 },
    sort: { field: 'dueAt', order: 'DESC' },
    filter: { householdId },
  });
  if (isPending) return null;
  if (!data?.length) return <Typography color="text.secondary">{translate(c('no_visits'))}</Typography>;
  return (
    <ScrollX>
      <Table size="small" className="shequ-household-visits">
        <TableHead>
          <TableRow>
            <TableCell>{translate(c('time'))}</TableCell>
            <TableCell>{translate(c('team'))}</TableCell>
            <TableCell>{translate(c('status_label'))}</TableCell>
            <TableCell>{translate(c('records'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((v) => (
            <TableRow key={v.id} data-home-visit-id={v.id}>
              <TableCell>
                <MuiLink component={Link} to={`/volunteer-activities/${v.activityId}/show`}>
                  {span(v.startsAt, v.endsAt)}
                </MuiLink>
              </TableCell>
              <TableCell>{v.teamName}</TableCell>
              <TableCell>
                <VisitStatusChip visit={v} />
              </TableCell>
              <TableCell>
                {v.records.length === 0
                  ? '—'
                  : v.records.map((r) => (
                      <div key={r.id}>
                        {r.volunteerName} <OutcomeChip record={r} /> {r.note}
                      </div>
                    ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};

/** The care flags and visits section of a household's page. */
export const CareFlagsSection = ({ record }: { record: Household }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [editing, setEditing] = useState(false);
  const care = record.care ?? { flags: [], since: null, nextVisitDueAt: null };
  return (
    <Section title={c('section')} className="shequ-care">
      <Facts
        rows={[
          [c('flags'), <CareFlagChips flags={care.flags} />],
          [c('since'), format(care.since)],
          [c('next_visit'), care.flags.length ? format(care.nextVisitDueAt) : '—'],
        ]}
      />
      {isAllowed(role, 'households', 'care-flags') && (
        <Button
          label={c('edit')}
          variant="outlined"
          size="small"
          sx={{ mt: 1 }}
          onClick={() => setEditing(true)}
          data-action="care-flags"
        />
      )}
      {editing && <CareFlagsDialog record={record} onClose={() => setEditing(false)} />}
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {translate(c('visits'))}
      </Typography>
      <HouseholdVisits householdId={record.id} />
    </Section>
  );
};
