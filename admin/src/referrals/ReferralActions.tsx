import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import RefreshIcon from '@mui/icons-material/Refresh';
import UndoIcon from '@mui/icons-material/Undo';
import { useState, type ReactElement } from 'react';
import { Button, ListButton, TopToolbar, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmActionButton } from '../common/ConfirmActionButton';
import type { ShequDataProvider } from '../dataProvider';
import { AssessDialog } from './AssessDialog';
import { OutcomeDialog } from './OutcomeDialog';
import { useRefetchBurst } from './RefetchBurst';
import { RespondDialog } from './RespondDialog';
import type { Referral } from './types';
import { WithdrawDialog } from './WithdrawDialog';

// Propose and follow-up sit on their rows (a match, an open follow-up task); the rest here.
type DialogAction = 'assess' | 'respond' | 'outcome' | 'withdraw';
const buttons: { action: DialogAction; icon: ReactElement; color?: 'warning' }[] = [
  { action: 'assess', icon: <AssignmentIndIcon /> },
  { action: 'respond', icon: <QuestionAnswerIcon /> },
  { action: 'outcome', icon: <HowToRegIcon /> },
  { action: 'withdraw', icon: <UndoIcon />, color: 'warning' },
];

/** Exactly the actions the API lists in `allowedActions` for this user at this stage. */
export const ReferralActions = () => {
  const record = useRecordContext<Referral>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const burst = useRefetchBurst();
  const [open, setOpen] = useState<DialogAction | null>(null);
  const allowed = record?.allowedActions ?? [];
  const close = () => setOpen(null);
  return (
    <TopToolbar className="shequ-case-actions">
      {record && allowed.includes('rematch') && (
        <ConfirmActionButton
          label="shequ.referral_action.rematch"
          icon={<RefreshIcon />}
          action="rematch"
          title={translate('shequ.rematch.title')}
          content={translate('shequ.rematch.content')}
          done="shequ.rematch.done"
          send={async () => {
            const answer = await dataProvider.rematchReferral(record.id);
            burst(20_000);
            return answer;
          }}
        />
      )}
      {record &&
        buttons
          .filter((b) => allowed.includes(b.action))
          .map((b) => (
            <Button
              key={b.action}
              label={`shequ.referral_action.${b.action}`}
              color={b.color ?? 'primary'}
              onClick={() => setOpen(b.action)}
              data-action={b.action}
            >
              {b.icon}
            </Button>
          ))}
      <ListButton />
      {record && open === 'assess' && <AssessDialog record={record} onClose={close} />}
      {record && open === 'respond' && <RespondDialog record={record} onClose={close} />}
      {record && open === 'outcome' && <OutcomeDialog record={record} onClose={close} />}
      {record && open === 'withdraw' && <WithdrawDialog record={record} onClose={close} />}
    </TopToolbar>
  );
};
