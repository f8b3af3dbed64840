import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { maskAccount, maskIdNumber } from '../domain/id-number.js';

// Residents' ID numbers and bank accounts are encrypted by the application before they reach
// PostgreSQL, so a database dump, a replica or a backup holds no readable identity. Each
// value is sealed with AES-256-GCM under a fresh 12-byte IV (the tag makes a tampered or
// truncated value fail instead of decrypting to garbage):
//
//   v1:<keyId>:<iv base64>:<ciphertext+tag base64>
//
// The key id travels with the value, so several keys can be live at once: the first key of
// SHEQU_PII_KEYS seals, every key listed opens (rotation: `npm run pii:rotate`). Equality
// (duplicate checks, unique indexes, search by the whole number) uses a keyed HMAC-SHA256 of
// the normalised value instead: without SHEQU_PII_HASH_KEY the 18-digit space is too small
// for a plain hash to hide anything.

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PiiKeys {
  /** Seals new values. */
  currentKeyId: string;
  /** Every key that may open a value, by id (the current one included). */
  keys: ReadonlyMap<string, Buffer>;
  /** Keys the search hash. */
  hashKey: Buffer;
}

// Fixed keys for development and tests only, derived from a phrase anyone can read: data sealed
// with them is not protected. Production refuses to start without its own keys.
const devKey = (purpose: string) =>
  createHash('sha256').update(`shequ INSECURE development PII ${purpose} key - never use in production`).digest();
export const DEV_PII_KEY_ID = 'dev';
/** The development keys in the environment's own spelling, e.g. to list them as an older key. */
export const DEV_PII_KEYS_ENV = `${DEV_PII_KEY_ID}:${devKey('encryption').toString('base64')}`;
export const DEV_PII_HASH_KEY_ENV = devKey('hash').toString('base64');

export class PiiConfigError extends Error {}

export function decodeKey(b64: string, what: string): Buffer {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== b64.trim())
    throw new PiiConfigError(`${what}: must be 32 bytes in base64 (generate one with: openssl rand -base64 32)`);
  return key;
}

/** Parses `keyId:base64,keyId:base64,…` (the first seals) and the hash key. */
export function parsePiiKeys(keysText: string, hashKeyText: string): PiiKeys {
  const keys = new Map<string, Buffer>();
  let currentKeyId: string | undefined;
  for (const entry of keysText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new PiiConfigError(
        `SHEQU_PII_KEYS: each entry is keyId:base64 with a key id of letters, digits, _ or - (got "${entry.slice(0, 12)}…")`,
      );
    if (keys.has(id)) throw new PiiConfigError(`SHEQU_PII_KEYS: key id ${id} listed twice`);
    keys.set(id, decodeKey(entry.slice(at + 1), `SHEQU_PII_KEYS key ${id}`));
    currentKeyId ??= id;
  }
  if (!currentKeyId) throw new PiiConfigError('SHEQU_PII_KEYS: no key given');
  return { currentKeyId, keys, hashKey: decodeKey(hashKeyText, 'SHEQU_PII_HASH_KEY') };
}

/** The key ring of this environment: its variables, or the development keys outside production. */
export function piiKeysFromEnv(env: Record<string, string | undefined> = process.env): PiiKeys {
  const keysText = env.SHEQU_PII_KEYS?.trim();
  const hashText = env.SHEQU_PII_HASH_KEY?.trim();
  if (keysText && hashText) return parsePiiKeys(keysText, hashText);
  if (env.NODE_ENV === 'production') {
    throw new PiiConfigError(
      `${keysText ? 'SHEQU_PII_HASH_KEY' : hashText ? 'SHEQU_PII_KEYS' : 'SHEQU_PII_KEYS and SHEQU_PII_HASH_KEY'} must be set in production: ` +
        'ID numbers and bank accounts are encrypted with them (see README, Privacy).',
    );
  }
  if (keysText || hashText)
    throw new PiiConfigError(`set both SHEQU_PII_KEYS and SHEQU_PII_HASH_KEY, or neither (development keys)`);
  return parsePiiKeys(DEV_PII_KEYS_ENV, DEV_PII_HASH_KEY_ENV);
}

let cached: PiiKeys | undefined;
/** Read once, on first use: a process that never touches personal data never needs the keys. */
export function piiKeys(): PiiKeys {
  cached ??= piiKeysFromEnv();
  return cached;
}

/** Checks the keys at start-up, so production without them stops at once rather than at the first case. */
export function assertPiiKeys(): void {
  piiKeys();
}

// IVs come from a pool refilled in bulk: one randomBytes call per value costs more than the AES.
let ivPool = Buffer.alloc(0);
let ivPos = 0;
function nextIv(): Buffer {
  if (ivPos + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 4096);
    ivPos = 0;
  }
  const iv = ivPool.subarray(ivPos, ivPos + IV_BYTES);
  ivPos += IV_BYTES;
  return iv;
}

export function encryptPiiWith(keys: PiiKeys, plaintext: string): string {
  const key = keys.keys.get(keys.currentKeyId)!;
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${keys.currentKeyId}:${iv.toString('base64')}:${body.toString('base64')}`;
}

export function decryptPiiWith(keys: PiiKeys, sealed: string): string {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('not a sealed value');
  const key = keys.keys.get(parts[1]);
  if (!key) throw new Error(`sealed under key "${parts[1]}", which SHEQU_PII_KEYS does not list`);
  const iv = Buffer.from(parts[2], 'base64');
  const body = Buffer.from(parts[3], 'base64');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error('sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** The form equality is decided on: surrounding blanks ignored, the check character X upper-case. */
export const normalizePii = (value: string): string => value.trim().toUpperCase();

export function piiHashWith(keys: Pick<PiiKeys, 'hashKey'>, value: string): string {
  return createHmac('sha256', keys.hashKey).update(normalizePii(value), 'utf8').digest('base64url');
}

export const encryptPii = (plaintext: string): string => encryptPiiWith(piiKeys(), plaintext);
export const decryptPii = (sealed: string): string => decryptPiiWith(piiKeys(), sealed);
export const piiHash = (value: string): string => piiHashWith(piiKeys(), value);

/** The key a value was sealed with (`v1:<keyId>:…`), without opening it. */
export function keyIdOf(sealed: string): string {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('not a sealed value');
  return parts[1];
}

export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && /^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/.test(value);

/** The three stored forms of an ID number: `<col>_enc`, `<col>_hash`, `<col>_masked`. */
export function idNumberColumns(
  idNumber: string,
  keys: PiiKeys = piiKeys(),
): { id_number_enc: string; id_number_hash: string; id_number_masked: string } {
  const id = normalizePii(idNumber);
  return {
    id_number_enc: encryptPiiWith(keys, id),
    id_number_hash: piiHashWith(keys, id),
    id_number_masked: maskIdNumber(id),
  };
}

/** A household's bank account in its stored forms; none on file stays NULL in all three. */
export function bankAccountColumns(
  account: string | null | undefined,
  keys: PiiKeys = piiKeys(),
): { bank_account_enc: string | null; bank_account_hash: string | null; bank_account_masked: string | null } {
  const a = account?.trim();
  if (!a) return { bank_account_enc: null, bank_account_hash: null, bank_account_masked: null };
  return {
    bank_account_enc: encryptPiiWith(keys, a),
    bank_account_hash: piiHashWith(keys, a),
    bank_account_masked: maskAccount(a),
  };
}
