import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { Section } from '../common/Section';
import { StageChip } from '../common/StageChip';
import type { Stage } from '../common/stages';
import { useFormatInstant } from '../common/time';
import type { HouseholdStory as Story } from './types';

// The household across programmes: its members' referrals and jobs, the wages those jobs sent
// to the dibao case, what was paid, and one timeline of every case, newest first.

const Empty = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('shequ.household.none')}</Typography>;
};

const Work = ({ story }: { story: Story }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!story.referrals.length) return <Empty />;
  return (
    <Table size="small" className="shequ-household-work">
      <TableHead>
        <TableRow>
          <TableCell>{translate('shequ.household.member')}</TableCell>
          <TableCell>{translate('shequ.household.referral')}</TableCell>
          <TableCell>{translate('shequ.household.placements')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {story.referrals.map((r) => (
          <TableRow key={r.referralId}>
            <TableCell>{r.memberName}</TableCell>
            <TableCell>
              <Stack direction="row" spacing={1} alignItems="center">
                <Link to={`/referrals/${r.referralId}/show`}>#{r.referralId}</Link>
                <StageChip stage={r.stage as Stage} />
              </Stack>
            </TableCell>
            <TableCell>
              {r.placements.length === 0
                ? '—'
                : r.placements.map((p) => (
                    <div key={p.id}>
                      {p.jobTitle} · {p.employerName} · {formatFen(p.wageFen)} ·{' '}
                      {translate('shequ.household.since', { date: p.startDate })} ·{' '}
                      {translate(`shequ.household.placement_status.${p.status}`, { _: p.status })}
                      <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }} useFlexGap flexWrap="wrap">
                        {p.followUps.map((f) => (
                          <Chip
                            key={f.month}
                            size="small"
                            variant="outlined"
                            label={translate('shequ.household.follow_up', {
                              month: f.month,
                              status: translate(`shequ.household.follow_up_status.${f.status}`, { _: f.status }),
                              due: format(f.dueAt),
                            })}
                          />
                        ))}
                      </Stack>
                    </div>
                  ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Income = ({ story }: { story: Story }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!story.incomeEvents.length) return <Empty />;
  return (
    <Table size="small" className="shequ-household-income">
      <TableHead>
        <TableRow>
          <TableCell>{translate('shequ.household.when')}</TableCell>
          <TableCell>{translate('shequ.income.kind')}</TableCell>
          <TableCell align="right">{translate('shequ.income.wage')}</TableCell>
          <TableCell>{translate('shequ.household.outcome')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {story.incomeEvents.map((e) => (
          <TableRow key={e.eventId}>
            <TableCell>{format(e.occurredAt)}</TableCell>
            <TableCell>{translate(`shequ.income.kinds.${e.kind}`)}</TableCell>
            <TableCell align="right">{formatFen(e.wageFen)}</TableCell>
            <TableCell>
              {e.outcome
                ? translate(`shequ.income.outcomes.${e.outcome}`)
                : translate(`shequ.household.event_status.${e.status}`, { _: e.status })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Payments = ({ story }: { story: Story }) => {
  const translate = useTranslate();
  if (!story.payments.length) return <Empty />;
  return (
    <Table size="small" className="shequ-household-payments">
      <TableHead>
        <TableRow>
          <TableCell>{translate('shequ.income.period')}</TableCell>
          <TableCell>{translate('resources.payments.fields.kind')}</TableCell>
          <TableCell align="right">{translate('shequ.income.amount')}</TableCell>
          <TableCell>{translate('resources.payments.fields.status')}</TableCell>
          <TableCell>{translate('shequ.household.note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {story.payments.map((p) => (
          <TableRow key={p.id}>
            <TableCell>{p.period}</TableCell>
            <TableCell>{translate(`shequ.disbursement.kind.${p.kind}`, { _: p.kind })}</TableCell>
            <TableCell align="right">{formatFen(p.amountFen)}</TableCell>
            <TableCell>{translate(`shequ.disbursement.payment_status.${p.status}`, { _: p.status })}</TableCell>
            <TableCell>{p.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Timeline = ({ story }: { story: Story }) => {
  const translate = useTranslate();
  const format = useFormatInstant();
  if (!story.timeline.length) return <Empty />;
  return (
    <Table size="small" className="shequ-household-timeline">
      <TableBody>
        {story.timeline.map((t, i) => (
          <TableRow key={`${t.programme}-${t.caseId}-${i}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{format(t.at)}</TableCell>
            <TableCell>
              <Chip
                size="small"
                color={t.programme === 'dibao' ? 'primary' : 'secondary'}
                label={translate(`shequ.household.programme.${t.programme}`)}
              />{' '}
              <Link to={t.programme === 'dibao' ? `/applications/${t.caseId}/show` : `/referrals/${t.caseId}/show`}>
                #{t.caseId}
              </Link>
              {t.memberName ? ` · ${t.memberName}` : ''}
            </TableCell>
            <TableCell>
              {translate(
                t.programme === 'dibao' ? `shequ.decision.${t.decision}` : `shequ.referral_decision.${t.decision}`,
                { _: translate(`shequ.decision.${t.decision}`, { _: t.decision }) },
              )}
              {t.comment ? `：${t.comment}` : ''}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {t.actorName
                ? `${t.actorName}${t.actorRole ? `（${translate(`shequ.role.${t.actorRole}`, { _: t.actorRole })}）` : ''}`
                : translate('shequ.timeline.system')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const HouseholdStory = ({ story }: { story: Story | undefined }) =>
  story ? (
    <>
      <Section title="shequ.household.work" className="shequ-household-work-section">
        <Work story={story} />
      </Section>
      <Section title="shequ.household.income">
        <Income story={story} />
      </Section>
      <Section title="shequ.household.payments">
        <Payments story={story} />
      </Section>
      <Section title="shequ.household.timeline" className="shequ-household-timeline-section">
        <Timeline story={story} />
      </Section>
    </>
  ) : null;
