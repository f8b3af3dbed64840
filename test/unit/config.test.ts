import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../config/env.js';
import { temporalTarget } from '../../config/temporal.js';
import { addPolicyDays, policyDaysToMs } from '../../domain/policy-time.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.TEMPORAL_PORT).toBe(7233);
    expect(env.TEMPORAL_UI_PORT).toBe(8233);
    expect(env.SHEQU_DAY_SECONDS).toBe(86400);
    expect(env.SHEQU_TASK_QUEUE).toBe('shequ-cases');
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty', SHEQU_DAY_SECONDS: '-1', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadEnv({ PORT: 'eighty', SHEQU_DAY_SECONDS: '-1', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('SHEQU_DAY_SECONDS');
      expect(msg).toContain('DATABASE_URL');
    }
  });

  it('turns on TLS for an API key, as Temporal Cloud needs', () => {
    const env = loadEnv({
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'ns.acct',
      TEMPORAL_API_KEY: 'k',
    });
    expect(temporalTarget(env)).toEqual({
      address: 'ns.acct.tmprl.cloud:7233',
      namespace: 'ns.acct',
      apiKey: 'k',
      tls: true,
    });
    expect(temporalTarget(loadEnv({ TEMPORAL_ADDRESS: 'localhost:7233' })).tls).toBeUndefined();
  });

  it('compresses policy days with SHEQU_DAY_SECONDS', () => {
    expect(policyDaysToMs(7, 86400)).toBe(7 * 86400 * 1000);
    expect(policyDaysToMs(7, 2)).toBe(14_000);
    expect(addPolicyDays(new Date('2026-01-01T00:00:00Z'), 10, 86400).toISOString()).toBe('2026-01-11T00:00:00.000Z');
    expect(() => policyDaysToMs(-1, 1)).toThrow();
  });
});
