import BlockIcon from '@mui/icons-material/Block';
import EditNoteIcon from '@mui/icons-material/EditNote';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import PlayIcon from '@mui/icons-material/PlayCircleOutline';
import { useState, type ReactElement } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { BenefitAction, Calculation, Member } from '../common/types';
import type { EnrollmentStatusAction, ShequDataProvider } from '../dataProvider';
import { RecheckDialog } from './RecheckDialog';

export interface EnrollmentTarget {
  enrollmentId: number;
  name: string;
  members: Member[];
  amountFen: number;
  calculation: Calculation | null | undefined;
}

const icons: Record<string, ReactElement> = {
  recheck: <FactCheckIcon />,
  change: <EditNoteIcon />,
  suspend: <PauseIcon />,
  resume: <PlayIcon />,
  terminate: <BlockIcon />,
};

const enrollmentActions = ['recheck', 'change', 'suspend', 'resume', 'terminate'] as const;
type EnrollmentAction = (typeof enrollmentActions)[number];

/** The enrolled case's buttons, exactly those in `allowed` (the API computes them per user). */
export const EnrollmentActionButtons = ({
  allowed,
  target,
}: {
  allowed: readonly BenefitAction[];
  target: EnrollmentTarget;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShequDataProvider>();
  const [open, setOpen] = useState<EnrollmentAction | null>(null);
  const shown = enrollmentActions.filter((a) => allowed.includes(a));
  const close = () => setOpen(null);
  const statusDialog = (action: EnrollmentStatusAction) => (
    <ReasonDialog
      open
      onClose={close}
      title={translate(`shequ.enrollment_action.${action}.title`, { name: target.name })}
      content={translate(`shequ.enrollment_action.${action}.content`)}
      label={translate('shequ.enrollment_action.reason')}
      field="reason"
      required
      confirmLabel={`shequ.action.${action}`}
      confirmColor={action === 'terminate' ? 'error' : action === 'suspend' ? 'warning' : 'primary'}
      confirmation={
        action === 'terminate'
          ? {
              title: translate('shequ.enrollment_action.terminate.confirm_title'),
              content: translate('shequ.enrollment_action.terminate.confirm_content', { name: target.name }),
            }
          : undefined
      }
      done={`shequ.enrollment_action.${action}.done`}
      send={(reason) => dataProvider.setEnrollmentStatus(target.enrollmentId, action, reason)}
    />
  );
  return (
    <>
      {shown.map((a) => (
        <Button
          key={a}
          label={`shequ.action.${a}`}
          onClick={() => setOpen(a)}
          color={a === 'terminate' ? 'error' : 'primary'}
          data-action={a}
        >
          {icons[a]}
        </Button>
      ))}
      {(open === 'recheck' || open === 'change') && (
        <RecheckDialog
          mode={open}
          enrollmentId={target.enrollmentId}
          name={target.name}
          members={target.members}
          currentAmountFen={target.amountFen}
          calculation={target.calculation}
          open
          onClose={close}
        />
      )}
      {(open === 'suspend' || open === 'resume' || open === 'terminate') && statusDialog(open)}
    </>
  );
};
