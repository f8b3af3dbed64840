import { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../domain/errors.js';

// zod issues → one message per field, in the `{ errors: { field: msg } }` shape react-admin's
// pessimistic forms display beside each input.

export function fieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
  // No prototype: a field named `__proto__` or `constructor` is named like any other.
  const out: FieldErrors = Object.create(null);
  const keyOf = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '_';
  for (const issue of error.issues) {
    // A strict object names every field it does not know, each under its own key.
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out[keyOf([...issue.path, k])] ??= '未知字段 (unknown field)';
      continue;
    }
    out[keyOf(issue.path)] ??= issue.message;
  }
  return out;
}

// Text that PostgreSQL refuses (NUL: a 500) or that misleads whoever reads it later: C0/C1
// control characters other than tab and line breaks, bidirectional overrides and isolates
// (U+202A–U+202E, U+2066–U+2069, which can make a name read backwards), and unpaired
// surrogates (not Unicode; the driver would silently store U+FFFD). No field needs them.
const forbiddenText =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_TEXT_MESSAGE = '含有控制字符或方向控制符 (contains control or bidirectional-override characters)';

// Text that is not empty yet shows nothing: only white space and format characters (category Cf:
// zero-width space U+200B, joiners, U+2060, the BOM …). A name of one zero-width space passed a
// `.min(1)` and showed as a blank cell in every list; no field has a use for such a value.
// Plain white space is left to each field (trimmed, then required or not).
const invisibleOnly = /^[\s\p{Cf}]*\p{Cf}[\s\p{Cf}]*$/u;
const INVISIBLE_TEXT_MESSAGE = '不能只含空白或不可见字符 (blank: only white space or invisible characters)';

function forbiddenTextErrors(value: unknown, path: string[], out: FieldErrors, depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') {
    if (forbiddenText.test(value)) out[path.join('.') || '_'] ??= FORBIDDEN_TEXT_MESSAGE;
    else if (invisibleOnly.test(value)) out[path.join('.') || '_'] ??= INVISIBLE_TEXT_MESSAGE;
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => forbiddenTextErrors(v, [...path, String(i)], out, depth + 1));
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (forbiddenText.test(k)) out[[...path, k].join('.')] ??= FORBIDDEN_TEXT_MESSAGE;
      forbiddenTextErrors(v, [...path, k], out, depth + 1);
    }
  }
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  const errors = result.success ? Object.create(null) : fieldErrors(result.error, prefix);
  // Every field, in what the schema let through (query JSON is decoded by then), or else in
  // what was sent, so a refusal for another reason still names these fields too.
  forbiddenTextErrors(result.success ? result.data : value, prefix ? [prefix] : [], errors);
  if (!result.success || Object.keys(errors).length) {
    const fields = Object.keys(errors).join(', ');
    throw new ValidationError(`${what}: ${fields}`, errors);
  }
  return result.data;
}

// Request bodies refuse fields they do not declare (400 naming each) instead of silently
// dropping them: a misspelt optional field would otherwise be lost without a word. Every
// object in a body schema that strips unknown keys (zod's default) becomes strict; one that
// chose `.passthrough()`/`.catchall()` keeps its choice. Refinements and metadata are kept.
// zod's internal definitions differ per schema kind and are not exported as one type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = Record<string, any>;
export function strictObjects<T extends z.ZodType>(schema: T): T {
  const seen = new Map<z.ZodType, z.ZodType>();
  const walk = (s: z.ZodType): z.ZodType => {
    const done = seen.get(s);
    if (done) return done;
    const def = s._zod.def as AnyDef;
    const patch: AnyDef = {};
    const each = (key: string) => {
      if (def[key]) {
        const next = walk(def[key]);
        if (next !== def[key]) patch[key] = next;
      }
    };
    switch (def.type) {
      case 'object': {
        const shape: Record<string, z.ZodType> = {};
        for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) shape[k] = walk(v);
        patch.shape = shape;
        if (def.catchall === undefined) patch.catchall = z.never();
        break;
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        each('innerType');
        break;
      case 'array':
        each('element');
        break;
      case 'pipe':
        each('in');
        each('out');
        break;
      case 'intersection':
        each('left');
        each('right');
        break;
      case 'record':
        each('valueType');
        break;
      case 'union': {
        const options = (def.options as z.ZodType[]).map(walk);
        if (options.some((o, i) => o !== def.options[i])) patch.options = options;
        break;
      }
      case 'tuple': {
        const items = (def.items as z.ZodType[]).map(walk);
        if (items.some((o, i) => o !== def.items[i])) patch.items = items;
        each('rest');
        break;
      }
    }
    if (!Object.keys(patch).length) {
      seen.set(s, s);
      return s;
    }
    const out = s.clone(z.core.util.mergeDefs(def, patch) as typeof s._zod.def);
    const meta = z.globalRegistry.get(s);
    if (meta) z.globalRegistry.add(out, meta);
    seen.set(s, out);
    return out;
  };
  return walk(schema) as T;
}
