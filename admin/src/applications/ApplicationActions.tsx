import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import CloseIcon from '@mui/icons-material/HighlightOff';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import ReplayIcon from '@mui/icons-material/Replay';
import ReplyIcon from '@mui/icons-material/Reply';
import SendIcon from '@mui/icons-material/Send';
import { useState, type ReactElement } from 'react';
import { Button, ListButton, TopToolbar, useGetOne, useRecordContext } from 'react-admin';
import type { BenefitAction } from '../common/types';
import { EnrollmentActionButtons } from '../enrollments/EnrollmentActionButtons';
import type { Enrollment } from '../enrollments/types';
import { DecisionDialog, decisionLabel, type PlainDecision } from './DecisionDialog';
import { HomeVisitDialog } from './HomeVisitDialog';
import { ObjectionDialog } from './ObjectionDialog';
import type { Application } from './types';
import { WithdrawButton } from './WithdrawButton';

const decisions: PlainDecision[] = ['approve', 'resubmit', 'reverify', 'override_duplicate', 'return', 'reject'];
const icons: Record<PlainDecision, ReactElement> = {
  approve: <CheckIcon />,
  resubmit: <SendIcon />,
  reverify: <ReplayIcon />,
  override_duplicate: <LinkOffIcon />,
  return: <ReplyIcon />,
  reject: <CloseIcon />,
};
const colors: Partial<Record<PlainDecision, 'error' | 'warning'>> = { reject: 'error', return: 'warning' };

type Open = PlainDecision | 'object' | null;

/** The enrolled case's actions, against its enrollment (amount and members as they are now). */
const EnrolledActions = ({ record, allowed }: { record: Application; allowed: BenefitAction[] }) => {
  const { data } = useGetOne<Enrollment>('enrollments', { id: record.enrollmentId! });
  if (!data) return null;
  return (
    <EnrollmentActionButtons
      allowed={allowed}
      target={{
        enrollmentId: data.id,
        name: `#${record.id} ${record.headName}`,
        members: data.householdMembers ?? record.members ?? [],
        amountFen: data.amountFen,
        calculation: data.terms?.[0]?.calculation ?? record.calculation,
      }}
    />
  );
};

/**
 * Exactly the buttons the API lists in `allowedActions` for this user at this stage, each
 * opening its dialog. Approving at community review means recording the home visit.
 */
export const ApplicationActions = () => {
  const record = useRecordContext<Application>();
  const [open, setOpen] = useState<Open>(null);
  const allowed = record?.allowedActions ?? [];
  const close = () => setOpen(null);
  const enrolledActions = allowed.some((a) => ['recheck', 'change', 'suspend', 'resume', 'terminate'].includes(a));
  return (
    <TopToolbar className="shequ-case-actions">
      {record &&
        decisions
          .filter((d) => allowed.includes(d))
          .map((d) => (
            <Button
              key={d}
              label={decisionLabel(d, record.stage)}
              color={colors[d] ?? 'primary'}
              onClick={() => setOpen(d)}
              data-action={d}
            >
              {icons[d]}
            </Button>
          ))}
      {record && allowed.includes('object') && (
        <Button label="shequ.action.object" color="warning" onClick={() => setOpen('object')} data-action="object">
          <RecordVoiceOverIcon />
        </Button>
      )}
      <WithdrawButton />
      {record && enrolledActions && record.enrollmentId != null && (
        <EnrolledActions record={record} allowed={allowed} />
      )}
      <ListButton />
      {record && open === 'approve' && record.stage === 'community_review' && (
        <HomeVisitDialog record={record} open onClose={close} />
      )}
      {record &&
        open &&
        decisions.includes(open as PlainDecision) &&
        !(open === 'approve' && record.stage === 'community_review') && (
          <DecisionDialog record={record} decision={open as PlainDecision} open onClose={close} />
        )}
      {record && open === 'object' && <ObjectionDialog record={record} open onClose={close} />}
    </TopToolbar>
  );
};
