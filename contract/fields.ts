import { z } from 'zod';
import { idNumberMessages, idNumberProblem } from '../domain/id-number.js';

// Request fields several resources share, so each is checked and documented the same way;
// part of the contract (contract/), used by the API's validation, its OpenAPI document and the
// console's types.

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

/** Row ids are PostgreSQL integers: a larger number names no record, and sent on it would be refused by PostgreSQL deep inside a step. */
export const INT4_MAX = 2_147_483_647;

/** A body field naming a record by id: a positive integer within PostgreSQL's range, refused on its own field otherwise. */
export const recordId = (message = '须为正整数编号 (must be a positive id)') =>
  z.number().int(message).positive(message).max(INT4_MAX, `编号超出范围 (id out of range: at most ${INT4_MAX})`);

/** Text as people type it: trimmed, bounded. */
export const text = (max: number) => z.string().trim().max(max);

/** Money in integer fen, never negative, bounded by what the field can sensibly hold. */
export const fenAmount = (max: number) =>
  z.number().int('以分为单位的整数 (whole fen)').min(0, '不能为负 (cannot be negative)').max(max);
