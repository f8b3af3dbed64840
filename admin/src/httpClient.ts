import { fetchUtils } from 'react-admin';
import { getToken } from './session';

/** A v4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost), and the
 * console may well be opened over plain http on the bureau intranet. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// A step still being recorded answers 503 (the API's wait bound); asked again under the same
// key, the API hands back the step's one outcome once it exists. The person sees a slow save,
// not an error inviting a second click.
const STILL_RECORDING_RETRIES = 6;
const STILL_RECORDING_WAIT_MS = 5_000;

/** fetchJson plus the bearer token and, on POST, an Idempotency-Key so a retried submit is not
 * acted on twice. Errors stay fetchJson's HttpError: message from the body, body kept. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if ((options.method ?? 'GET').toUpperCase() === 'POST' && !headers.has('Idempotency-Key')) {
    headers.set('Idempotency-Key', newIdempotencyKey());
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchUtils.fetchJson(url, { ...options, headers });
    } catch (e) {
      const stillRecording = (e as { status?: number }).status === 503 && headers.has('Idempotency-Key');
      if (!stillRecording || attempt >= STILL_RECORDING_RETRIES) throw e;
      await new Promise((r) => setTimeout(r, STILL_RECORDING_WAIT_MS));
    }
  }
}
