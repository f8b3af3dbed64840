import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// `npm start` runs the API in production mode, which refuses to run without keys for ID numbers
// and bank accounts. A machine of its own gets random keys on its first start, kept beside the
// data they protect (mode 0600) and used by every later start, import and rotation; a real
// deployment sets SHEQU_PII_KEYS and SHEQU_PII_HASH_KEY from its secret store instead.

export const localKeyFile = (dataDir: string) => join(dataDir, 'pii-keys.json');

/** Puts this data directory's keys into process.env unless the environment brings its own. */
export function useLocalPiiKeys(dataDir: string): 'environment' | 'created' | 'kept' {
  if (process.env.SHEQU_PII_KEYS && process.env.SHEQU_PII_HASH_KEY) return 'environment';
  const file = localKeyFile(dataDir);
  let keys: { SHEQU_PII_KEYS: string; SHEQU_PII_HASH_KEY: string };
  let outcome: 'created' | 'kept' = 'kept';
  if (existsSync(file)) keys = JSON.parse(readFileSync(file, 'utf8'));
  else {
    keys = {
      SHEQU_PII_KEYS: `local1:${randomBytes(32).toString('base64')}`,
      SHEQU_PII_HASH_KEY: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
    outcome = 'created';
  }
  process.env.SHEQU_PII_KEYS ??= keys.SHEQU_PII_KEYS;
  process.env.SHEQU_PII_HASH_KEY ??= keys.SHEQU_PII_HASH_KEY;
  return outcome;
}
