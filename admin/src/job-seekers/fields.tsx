import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { SkillChips } from '../common/SkillChips';
import { StageChip } from '../common/StageChip';
import type { JobSeeker } from './types';

export const EducationField = (_props: FieldProps<JobSeeker>) => {
  const record = useRecordContext<JobSeeker>();
  const translate = useTranslate();
  return record ? <>{translate(`shequ.education.${record.education}`, { _: record.education })}</> : null;
};

export const SkillsField = (_props: FieldProps<JobSeeker>) => {
  const record = useRecordContext<JobSeeker>();
  return record ? <SkillChips skills={record.skills} /> : null;
};

export const SeekerStageField = (_props: FieldProps<JobSeeker>) => {
  const record = useRecordContext<JobSeeker>();
  return record?.stage ? <StageChip stage={record.stage} /> : null;
};
