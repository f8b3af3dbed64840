import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INT4_MAX, recordId } from '../../contract/fields.js';
import { containing } from '../../api/http/simple-rest.js';
import { parseOrThrow } from '../../api/http/validate.js';
import { ValidationError } from '../../domain/errors.js';
import { isDataException, isProgrammingError } from '../../worker/permanent-errors.js';

// Inputs that once reached PostgreSQL or a workflow and froze a case, or matched every row.

const refusal = (schema: z.ZodType, value: unknown): Record<string, string> => {
  try {
    parseOrThrow(schema, value, 'bad');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors;
  }
  throw new Error('accepted');
};

describe('input rules', () => {
  it('an id beyond PostgreSQL integers is refused on its own field, an id inside is kept', () => {
    const body = z.object({ activityId: recordId(), members: z.array(z.object({ memberId: recordId() })) });
    expect(Object.keys(refusal(body, { activityId: INT4_MAX + 1, members: [] }))).toEqual(['activityId']);
    expect(Object.keys(refusal(body, { activityId: 1, members: [{ memberId: 2 ** 53 }] }))).toEqual([
      'members.0.memberId',
    ]);
    expect(Object.keys(refusal(body, { activityId: 0, members: [] }))).toEqual(['activityId']);
    expect(parseOrThrow(body, { activityId: INT4_MAX, members: [{ memberId: 1 }] }, 'ok')).toEqual({
      activityId: INT4_MAX,
      members: [{ memberId: 1 }],
    });
  });

  it('text showing nothing (zero-width and other format characters) is refused; white space is left to the field', () => {
    const body = z.object({ name: z.string().trim().min(1, 'required'), comment: z.string().trim().default('') });
    for (const blank of ['\u200b', ' \u200b ', '\u2060', '\ufeff\u200d', '\u200e\u200f']) {
      expect(refusal(body, { name: blank }).name, JSON.stringify(blank)).toMatch(/不可见/);
      expect(refusal(body, { name: '王芳', comment: blank }).comment, JSON.stringify(blank)).toMatch(/不可见/);
    }
    expect(refusal(body, { name: '   ' }).name).toBe('required');
    expect(parseOrThrow(body, { name: '王\u200b芳', comment: '  ' }, 'ok')).toEqual({
      name: '王\u200b芳',
      comment: '',
    });
  });

  it('q is matched literally: %, _ and \\ are not wildcards', () => {
    expect(containing('%')).toBe('%\\%%');
    expect(containing('a_b')).toBe('%a\\_b%');
    expect(containing('c:\\x')).toBe('%c:\\\\x%');
    expect(containing('王芳')).toBe('%王芳%');
  });

  it('PostgreSQL data exceptions and integrity violations are final; connection, deadlock, serialization and racing unique violations are not', () => {
    for (const code of ['22003', '22P02', '23502', '23503', '23514'])
      expect(isDataException({ code }), code).toBe(true);
    for (const code of ['40P01', '40001', '08006', '57P01', '53300', '23505', '23P01', 'ECONNREFUSED', undefined])
      expect(isDataException({ code }), String(code)).toBe(false);
    expect(isDataException(new TypeError('x'))).toBe(false);
  });

  it('a bug in our code is final; a network failure dressed as a TypeError is not', () => {
    expect(isProgrammingError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(true);
    expect(isProgrammingError(new ReferenceError('x is not defined'))).toBe(true);
    expect(
      isProgrammingError(
        new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }),
      ),
    ).toBe(false);
    expect(isProgrammingError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
    expect(isProgrammingError(new Error('plain'))).toBe(false);
  });
});
