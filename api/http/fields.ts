import { z } from 'zod';
import { idNumberMessages, idNumberProblem } from '../../domain/id-number.js';

// Request fields several resources share, so each is checked and documented the same way.

/** An 18-character PRC ID number with a valid check digit (upper-cased X). */
export const idNumberField = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: idNumberMessages[problem] });
  });

export const skillList = z.array(z.string().trim().min(1).max(30)).max(30);
