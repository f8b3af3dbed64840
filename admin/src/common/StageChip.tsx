import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { stageColor, type CaseStage } from './stages';

export const StageChip = ({
  stage,
  size = 'small',
}: {
  stage: CaseStage | null | undefined;
  size?: ChipProps['size'];
}) => {
  const translate = useTranslate();
  if (!stage) return null;
  return (
    <Chip
      size={size}
      color={stageColor[stage] ?? 'default'}
      label={translate(`shequ.stage.${stage}`, { _: stage })}
      data-stage={stage}
    />
  );
};
