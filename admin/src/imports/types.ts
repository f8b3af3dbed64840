import type { z } from 'zod';
import type { importResultSchema } from '../../../contract/imports';

type Loaded = z.output<typeof importResultSchema>;

/**
 * POST /api/imports: a load answers 201 with contract/imports.ts; a dry run only 200
 * {households, members, errors}, outside the schema, so the rest is optional here.
 */
export type ImportResult = Pick<Loaded, 'households' | 'members'> &
  Partial<Omit<Loaded, 'households' | 'members'>> & { errors?: unknown };

export interface RowError {
  row: string;
  field: string;
  message: string;
}

/**
 * The API names bad rows as `"row 3 id_number": "message"` (a 400's `errors`); a dry run may
 * also answer 200 with an `errors` list. Both become one table of row, column, message.
 */
export function rowErrors(errors: unknown): RowError[] {
  if (!errors) return [];
  if (Array.isArray(errors)) {
    return errors.map((e) => {
      if (typeof e === 'string') return { row: '', field: '', message: e };
      const o = e as Record<string, unknown>;
      return {
        row: String(o.row ?? ''),
        field: String(o.field ?? o.column ?? ''),
        message: String(o.message ?? JSON.stringify(e)),
      };
    });
  }
  if (typeof errors === 'object') {
    return Object.entries(errors as Record<string, unknown>).map(([key, message]) => {
      const m = /^row\s+(\d+)\s*(.*)$/i.exec(key);
      return m
        ? { row: m[1], field: m[2], message: String(message) }
        : { row: '', field: key === '_' ? '' : key, message: String(message) };
    });
  }
  return [{ row: '', field: '', message: String(errors) }];
}
