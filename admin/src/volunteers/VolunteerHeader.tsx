import { Alert, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { RevealButton } from '../common/RevealButton';
import { Facts, Section } from '../common/Section';
import { SkillChips } from '../common/SkillChips';
import { StageChip } from '../common/StageChip';
import { useFormatInstant } from '../common/time';
import { SuitabilityChip } from './chips';
import { hoursText } from './hours';
import { hoursToNextStar } from './stars';
import { Stars } from './Stars';
import type { Volunteer } from './types';

const f = (field: string) => `resources.volunteers.fields.${field}`;
const v = (key: string) => `shequ.volunteer.${key}`;

/** What needs doing about her, above the facts: re-confirmation, a reminder, a failed check. */
const Alerts = ({ record }: { record: Volunteer }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  return (
    <>
      {record.stage === 'reconfirm_due' && (
        <Alert severity="warning" sx={{ mb: 1 }} className="shequ-reconfirm-due">
          {translate(v('reconfirm_due'), { at: format(record.reconfirmDueAt) })}
        </Alert>
      )}
      {record.reminderDue && (
        <Alert severity="warning" sx={{ mb: 1 }} className="shequ-reminder-due">
          {translate(record.lastHoursAt ? v('reminder_due') : v('reminder_due_never'), {
            at: format(record.lastHoursAt),
          })}
        </Alert>
      )}
      {record.suitability === 'error' && (
        <Alert severity="warning" sx={{ mb: 1 }} className="shequ-suitability-error">
          {translate(v('suitability_error'))}
        </Alert>
      )}
      {record.suitability === 'failed' && (
        <Alert severity="error" sx={{ mb: 1 }} className="shequ-suitability-failed">
          {translate(v('suitability_failed'))}
        </Alert>
      )}
      {record.minor && (
        <Alert severity="info" sx={{ mb: 1 }} className="shequ-minor">
          {translate(v('minor_note'), { age: record.age, guardian: record.guardianName ?? '—' })}
        </Alert>
      )}
    </>
  );
};

/** Who she is, where her registration stands, her stars and confirmed hours. */
export const VolunteerHeader = ({ record }: { record: Volunteer }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  const next = hoursToNextStar(record.starLevel, record.confirmedHours);
  return (
    <Section title="shequ.section.volunteer" className="shequ-case-header">
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <Typography variant="h5" component="span">
          {record.name}
        </Typography>
        <StageChip stage={record.stage} size="medium" />
        <Stars level={record.starLevel} size="large" />
        {record.minor && <Chip color="warning" variant="outlined" label={translate(v('minor'))} />}
        {record.partyMember && <Chip color="error" variant="outlined" label={translate(v('party_member'))} />}
      </Stack>
      <Typography
        variant="h6"
        component="div"
        sx={{ mb: 1 }}
        className="shequ-confirmed-hours"
        data-hours={record.confirmedHours}
      >
        {translate(v('confirmed_hours'), { hours: hoursText(record.confirmedHours) })}
        {next && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {translate(v('next_star'), { hours: hoursText(next.hours), stars: '★'.repeat(next.level) })}
          </Typography>
        )}
      </Typography>
      <Alerts record={record} />
      <Facts
        rows={[
          [
            f('idNumberMasked'),
            <RevealButton resource="volunteers" id={record.id} field="idNumber" masked={record.idNumberMasked} />,
          ],
          [f('age'), record.age],
          [f('phone'), record.phone || '—'],
          [f('communityName'), `${record.communityName} · ${record.streetName}`],
          [f('skills'), <SkillChips skills={record.skills} />],
          [f('availability'), record.availability || '—'],
          [f('servesVulnerable'), translate(record.servesVulnerable ? 'ra.boolean.true' : 'ra.boolean.false')],
          [f('suitability'), <SuitabilityChip suitability={record.suitability} />],
          ...(record.minor ? [[f('guardianName'), record.guardianName ?? '—'] as [string, string]] : []),
          [f('lastHoursAt'), format(record.lastHoursAt)],
          [f('reconfirmDueAt'), format(record.reconfirmDueAt)],
          [f('createdAt'), format(record.createdAt)],
          [f('stageSince'), format(record.stageSince)],
          [f('workflowId'), <code>{record.workflowId}</code>],
        ]}
      />
      {record.closedReason && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('shequ.closed_reason')}：{record.closedReason}
        </Alert>
      )}
    </Section>
  );
};
