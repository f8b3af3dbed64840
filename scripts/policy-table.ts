import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { accessPolicy, type Grant } from '../domain/access-policy.js';
import { roles } from '../domain/roles.js';

// The README's access table is printed from domain/access-policy.ts, never written by hand:
// `npm run policy:table` prints it, `-- --write` puts it between the README's markers, and a
// unit test fails while the two differ.

export const README = resolve(import.meta.dirname, '../README.md');
const START = '<!-- access-policy:start -->';
const END = '<!-- access-policy:end -->';

export function policyTable(): string {
  const head = `| resource | actions | scope | ${roles.join(' | ')} |`;
  const rule = `|---|---|---|${roles.map(() => ':-:').join('|')}|`;
  const rows: string[] = [];
  for (const [resource, actions] of Object.entries(accessPolicy)) {
    // Actions with the same grant share a row.
    const groups = new Map<string, { grant: Grant; actions: string[] }>();
    for (const [action, grant] of Object.entries(actions)) {
      const key = `${grant.scope}:${grant.roles.join(',')}`;
      groups.set(key, { grant, actions: [...(groups.get(key)?.actions ?? []), action] });
    }
    for (const { grant, actions: names } of groups.values()) {
      rows.push(
        `| ${resource} | ${names.join(', ')} | ${grant.scope} | ${roles.map((r) => (grant.roles.includes(r) ? '✓' : '')).join(' | ')} |`,
      );
    }
  }
  return [head, rule, ...rows].join('\n');
}

export function readmeTable(text = readFileSync(README, 'utf8')): string | undefined {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  return a < 0 || b < a ? undefined : text.slice(a + START.length, b).trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const table = policyTable();
  if (process.argv.includes('--write')) {
    const text = readFileSync(README, 'utf8');
    const a = text.indexOf(START);
    const b = text.indexOf(END);
    if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block`);
    writeFileSync(README, `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`);
    console.log('README.md: access table updated');
  } else console.log(table);
}
