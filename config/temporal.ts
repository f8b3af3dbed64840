import { readFileSync } from 'node:fs';
import type { Env } from './env.js';

// One place that turns the environment into connection options, shared by the API's client
// connection and the worker's native connection. An API key or a client certificate turns TLS
// on, which is what Temporal Cloud expects.

export interface TemporalTarget {
  address: string;
  namespace: string;
  apiKey?: string;
  tls?: boolean | { clientCertPair?: { crt: Buffer; key: Buffer }; serverRootCACertificate?: Buffer };
}

export function temporalTarget(env: Env, address = env.TEMPORAL_ADDRESS): TemporalTarget {
  if (!address) throw new Error('no Temporal address: set TEMPORAL_ADDRESS or let the launcher start a dev server');
  const target: TemporalTarget = { address, namespace: env.TEMPORAL_NAMESPACE };
  if (env.TEMPORAL_API_KEY) target.apiKey = env.TEMPORAL_API_KEY;
  if (env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH) {
    target.tls = {
      clientCertPair: { crt: readFileSync(env.TEMPORAL_TLS_CERT_PATH), key: readFileSync(env.TEMPORAL_TLS_KEY_PATH) },
      ...(env.TEMPORAL_TLS_CA_PATH ? { serverRootCACertificate: readFileSync(env.TEMPORAL_TLS_CA_PATH) } : {}),
    };
  } else if (env.TEMPORAL_TLS === 'true' || env.TEMPORAL_API_KEY) {
    target.tls = true;
  }
  return target;
}
