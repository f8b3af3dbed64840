import type { Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { INT4_MAX } from '../../contract/fields.js';

// The ra-data-simple-rest list contract, implemented once: `sort`, `range` and `filter` arrive
// as JSON strings; the answer carries `Content-Range: <resource> a-b/total`. Each resource only
// declares which API fields map to which columns and how its filters apply.

const jsonParam = <T extends z.ZodType>(inner: T) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);

export const MAX_PAGE = 1000;

export const listQuery = z.object({
  sort: jsonParam(z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc'])]))
    .optional()
    .describe('JSON ["field","ASC"|"DESC"]'),
  range: jsonParam(
    z
      .tuple([z.number().int().min(0), z.number().int().min(0)])
      .refine(([a, b]) => b >= a, 'end must not be before start')
      .refine(([a, b]) => b - a < MAX_PAGE, `at most ${MAX_PAGE} rows per page`),
  )
    .optional()
    .describe('JSON [start, end], inclusive'),
  // Kept as parsed, not rebuilt by z.record: a rebuilt object turns a "__proto__" key into its
  // prototype, and that filter would vanish instead of being refused as unknown.
  filter: jsonParam(
    z.custom<Record<string, unknown>>(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      '须为JSON对象 (must be a JSON object)',
    ),
  )
    .optional()
    .describe('JSON object of field → value; "id": [..] for getMany, "q" for free text'),
});
export type ListQuery = z.infer<typeof listQuery>;

export type FilterFn = (qb: Knex.QueryBuilder, value: unknown) => void;

/** One list filter: the zod schema its value must satisfy and how it narrows the query. */
export const filter = <S extends z.ZodType>(schema: S, apply: (qb: Knex.QueryBuilder, value: z.output<S>) => void) => ({
  schema,
  apply: apply as FilterFn,
});

export interface ListSpec<Row> {
  resource: string;
  idColumn: string;
  sortable: Record<string, string>; // API field → SQL column
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: Record<string, { schema: z.ZodType; apply: FilterFn }>;
  toApi: (row: Row) => unknown;
  /** Adds what only the rows shown need (a call per row to another system), after paging. */
  enrich?: (rows: Row[]) => Promise<Row[]>;
}

export const ids = z.array(z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])).max(MAX_PAGE);

// The ids and numbers lists filter by are PostgreSQL integers: a larger one names nothing, and
// PostgreSQL would refuse the whole query ("out of range for type integer", a 500).
const outOfRange = (v: unknown): boolean =>
  typeof v === 'number' ? Math.abs(v) > INT4_MAX : Array.isArray(v) && v.some(outOfRange);
const OUT_OF_RANGE = `超出范围 (out of range: at most ${INT4_MAX})`;

export async function sendList<Row>(
  res: Response,
  spec: ListSpec<Row>,
  base: Knex.QueryBuilder,
  query: ListQuery,
): Promise<void> {
  const filter = query.filter ?? {};
  const errors: Record<string, string> = {};
  for (const [field, raw] of Object.entries(filter)) {
    if (field === 'id') {
      const parsed = ids.safeParse(Array.isArray(raw) ? raw : [raw]);
      if (!parsed.success) errors['filter.id'] = 'must be an id or a list of ids';
      else if (outOfRange(parsed.data)) errors['filter.id'] = OUT_OF_RANGE;
      else base.whereIn(spec.idColumn, parsed.data);
      continue;
    }
    // Own keys only: "constructor" or "toString" would otherwise find Object.prototype's (a 500).
    const f = Object.hasOwn(spec.filters, field) ? spec.filters[field] : undefined;
    if (!f) {
      errors[`filter.${field}`] = `unknown filter; allowed: ${['id', ...Object.keys(spec.filters)].join(', ')}`;
      continue;
    }
    if (raw === undefined || raw === null || raw === '') continue;
    const parsed = f.schema.safeParse(raw);
    if (!parsed.success) errors[`filter.${field}`] = parsed.error.issues[0]?.message ?? 'invalid';
    else if (outOfRange(parsed.data)) errors[`filter.${field}`] = OUT_OF_RANGE;
    else f.apply(base, parsed.data);
  }
  const [sortField, sortDir] = query.sort ?? spec.defaultSort;
  const sortColumn = Object.hasOwn(spec.sortable, sortField) ? spec.sortable[sortField] : '';
  if (!sortColumn) errors.sort = `cannot sort by ${sortField}; allowed: ${Object.keys(spec.sortable).join(', ')}`;
  if (Object.keys(errors).length) throw new ValidationError('查询参数无效 (invalid list query)', errors);

  const [start, end] = query.range ?? [0, 24];
  const countQuery = base.clone().clearSelect().clearOrder().count<{ count: string }[]>({ count: '*' });
  const direction = sortDir.toUpperCase() === 'DESC' ? 'desc' : 'asc';
  const rowsQuery = base
    .clone()
    .orderBy(sortColumn, direction)
    .orderBy(spec.idColumn, direction) // a stable order keeps pages from overlapping
    .offset(start)
    .limit(end - start + 1);
  const [[{ count }], rows] = await Promise.all([countQuery, rowsQuery]);
  const total = Number(count);
  const last = rows.length ? start + rows.length - 1 : start;
  res.set('Content-Range', `${spec.resource} ${start}-${last}/${total}`);
  const shown: Row[] = spec.enrich ? await spec.enrich(rows) : rows;
  res.json(shown.map((r: Row) => spec.toApi(r)));
}

/** A path id that is not a positive integer names no record: 404, like any unknown id. */
export function idParam(raw: string | undefined): number {
  const n = Number(raw);
  // Row ids are PostgreSQL integers: a larger one names no record either.
  if (!Number.isSafeInteger(n) || n <= 0 || n > INT4_MAX) throw new NotFoundError();
  return n;
}

/** `q` as a LIKE pattern matching the text anywhere: `%`, `_` and `\` in what was typed are literal, not wildcards. */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
