import type { NativeConnection } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { searchAttributes } from '../domain/search-attributes.js';

// A dev server started by the launcher registers these with flags; an external cluster gets
// them here. Temporal Cloud refuses the operator call (attributes are added in its console),
// which is reported, not fatal.

const { temporal } = proto;

const typeOf = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

export async function ensureSearchAttributes(connection: NativeConnection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const have = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing = Object.entries(searchAttributes).filter(([name]) => !have.has(name));
  if (!missing.length) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, typeOf[type]])),
  });
  return missing.map(([name]) => name);
}
