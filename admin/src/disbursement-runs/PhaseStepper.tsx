import { Step, StepLabel, Stepper } from '@mui/material';
import { useTranslate } from 'react-admin';
import { mainPath, type RunDetail } from './types';

/** Where the month stands on its way: build → totals → check → sign-off → bank → resolve → done. */
export const PhaseStepper = ({ run }: { run: RunDetail }) => {
  const translate = useTranslate();
  // A stop or a rejection is shown on the step it happened at.
  const at =
    run.phase === 'stopped'
      ? run.approvedAt
        ? 'resolving'
        : 'checking'
      : run.phase === 'rejected'
        ? 'awaiting_signoff'
        : run.phase;
  const active = run.phase === 'completed' ? mainPath.length : mainPath.indexOf(at);
  const failedStep = run.phase === 'stopped' || run.phase === 'rejected' ? active : -1;
  return (
    <Stepper
      activeStep={active}
      alternativeLabel
      sx={{ mb: 2, overflowX: 'auto', pb: 1 }}
      className="shequ-phase-stepper"
    >
      {mainPath.map((p, i) => (
        <Step key={p} completed={i < active}>
          <StepLabel error={i === failedStep}>
            {translate(i === failedStep ? `shequ.disbursement.phase.${run.phase}` : `shequ.disbursement.phase.${p}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};
