import { normalizePii, piiHash, encryptPii } from '../db/pii.js';

// Rows the benchmarks write by SQL must carry personal data as the application stores it:
// sealed, hashed and masked in Node (AES-GCM takes microseconds a value), then handed to one
// statement as parallel arrays for `unnest`, in chunks that keep each parameter a few MB.

export const PII_CHUNK = 50_000;

export interface PiiArrays {
  enc: string[];
  hash: string[];
  masked: string[];
}

export function piiArrays(values: readonly string[], mask: (v: string) => string): PiiArrays {
  const out: PiiArrays = {
    enc: new Array(values.length),
    hash: new Array(values.length),
    masked: new Array(values.length),
  };
  values.forEach((raw, i) => {
    const v = normalizePii(raw);
    out.enc[i] = encryptPii(v);
    out.hash[i] = piiHash(v);
    out.masked[i] = mask(v);
  });
  return out;
}
