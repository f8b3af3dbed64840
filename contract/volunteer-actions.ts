import { z } from 'zod';
import { recordId, text } from './fields.js';

// The bodies of a volunteer's steps, written once for the API and the console.

export const volunteerCommentBody = z.object({ comment: text(1000).default('') });
export const volunteerReasonBody = z.object({ reason: text(500).min(1, '请填写原因 (reason required)') });
export const signUpBody = z.object({ activityId: recordId() });
export const logHoursBody = z.object({
  activityId: recordId(),
  minutes: z.number().int('整数分钟 (whole minutes)').positive('须大于0 (must be positive)').max(100_000),
});

export type SignUpBody = z.input<typeof signUpBody>;
export type LogHoursBody = z.input<typeof logHoursBody>;
