import { z } from 'zod';
import { recordId } from './fields.js';

// What a supervisor sends to act on a stuck workflow; every action names its reason.

const reason = z.string().trim().min(1, '请填写原因 (reason required)').max(500);

export const supervisionBodies = {
  reassign: z.object({ assigneeId: recordId('请选择经办人 (assignee required)'), reason }),
  extend: z.object({ deadlineAt: z.iso.datetime({ offset: true, message: '期限格式无效 (ISO date-time)' }), reason }),
  remind: z.object({ reason }),
  retry: z.object({ reason }),
  terminate: z.object({ reason }),
};

export type ReassignBody = z.input<typeof supervisionBodies.reassign>;
export type ExtendBody = z.input<typeof supervisionBodies.extend>;
