import { parseYuan, fenToYuanText } from '../common/yuanInput';
import type { AssessBody, EducationLevel, Referral, SeekerProfile } from './types';

// The assess dialog holds text as typed (hours and wage may stay empty = no limit / not said);
// this turns it into the body the API takes, or says which field is not right yet.

export interface AssessForm {
  education: EducationLevel;
  skills: string[];
  experience: string;
  maxHours: string;
  noPhysicalWork: boolean;
  expectedWageYuan: string;
  constraintsNote: string;
  notes: string;
  helperId: number | '';
}

/** Starts from the last assessment, else from what the enterprise declared. */
export function initialAssessForm(record: Referral): AssessForm {
  const p: SeekerProfile | undefined = record.assessment ?? record.seeker;
  return {
    education: p?.education ?? 'junior_high',
    skills: [...(p?.skills ?? [])],
    experience: p?.experience ?? '',
    maxHours: p?.maxHoursPerWeek == null ? '' : String(p.maxHoursPerWeek),
    noPhysicalWork: p?.noPhysicalWork ?? false,
    expectedWageYuan: p?.expectedWageFen == null ? '' : fenToYuanText(p.expectedWageFen),
    constraintsNote: p?.constraintsNote ?? '',
    notes: record.assessment?.notes ?? '',
    helperId: record.helperId ?? '',
  };
}

export type AssessProblems = Partial<Record<'maxHoursPerWeek' | 'expectedWageFen' | 'helperId', string>>;

/** Translation keys of what must be fixed before sending. */
export function assessProblems(form: AssessForm): AssessProblems {
  const out: AssessProblems = {};
  const hours = form.maxHours.trim();
  if (hours && !(/^\d{1,3}$/.test(hours) && Number(hours) >= 1 && Number(hours) <= 84))
    out.maxHoursPerWeek = 'shequ.assessment.hours_invalid';
  if (form.expectedWageYuan.trim() && parseYuan(form.expectedWageYuan) === undefined)
    out.expectedWageFen = 'shequ.validation.yuan';
  if (form.helperId === '') out.helperId = 'ra.validation.required';
  return out;
}

export function toAssessBody(form: AssessForm): AssessBody {
  const hours = form.maxHours.trim();
  const wage = form.expectedWageYuan.trim();
  return {
    education: form.education,
    skills: form.skills,
    experience: form.experience.trim(),
    maxHoursPerWeek: hours ? Number(hours) : null,
    noPhysicalWork: form.noPhysicalWork,
    expectedWageFen: wage ? (parseYuan(wage) ?? null) : null,
    constraintsNote: form.constraintsNote.trim(),
    notes: form.notes.trim(),
    helperId: Number(form.helperId),
  };
}
