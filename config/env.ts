import { z } from 'zod';

// Every process (launcher, worker, API, tests, bench) reads its settings here and nowhere else,
// so a typo in a variable fails at start-up with the variable's name, not later with a riddle.

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  PORT: port(3000),
  HOST: z.string().default('127.0.0.1'),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_TLS_CA_PATH: optionalString,
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_UI_URL: optionalString,
  SHEQU_TASK_QUEUE: z.string().min(1).default('shequ-cases'),
  SHEQU_PAYMENTS_TASK_QUEUE: z.string().min(1).default('shequ-payments'),
  SHEQU_DAY_SECONDS: z.coerce.number().positive().default(86400),
  SHEQU_NOTICE_DAYS: z.coerce.number().positive().default(7),
  SHEQU_DEADLINE_DAYS: z.string().default(''),
  SHEQU_RECHECK_DAYS: z.string().default(''),
  SHEQU_PLACEMENT_DAYS: z.coerce.number().positive().default(60),
  SHEQU_FOLLOW_UP_DAYS: z.string().default(''),
  SHEQU_REMINDER_DAYS: z.coerce.number().positive().default(1),
  SHEQU_VOLUNTEER_REMINDER_DAYS: z.coerce.number().positive().default(90),
  SHEQU_RECONFIRM_DAYS: z.coerce.number().positive().default(365),
  SHEQU_SUITABILITY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  SHEQU_SIGNOFF_DAYS: z.coerce.number().positive().default(3),
  SHEQU_RESOLVE_DAYS: z.coerce.number().positive().default(10),
  // Volunteers' visits to flagged households (孤老、重残、重病): how often, how far ahead, how long to record one.
  SHEQU_VISIT_INTERVAL_DAYS: z.coerce.number().positive().default(30),
  SHEQU_VISIT_LEAD_DAYS: z.coerce.number().positive().default(3),
  SHEQU_VISIT_RECORD_DAYS: z.coerce.number().positive().default(3),
  SHEQU_VISIT_TASK_DAYS: z.coerce.number().positive().default(5),
  SHEQU_WORKFLOW_ID_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .default(''),
  SHEQU_DISBURSEMENT_SCHEDULE_ID: z.string().min(1).default('monthly-disbursement'),
  SHEQU_WATCH_SCHEDULE_ID: z.string().min(1).default('watch-workflows'),
  SHEQU_VISIT_SCHEDULE_ID: z.string().min(1).default('visit-planning'),
  SHEQU_WATCH_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  SHEQU_DISBURSEMENT_DAY: z.coerce.number().int().min(1).max(28).default(5),
  SHEQU_DISBURSEMENT_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  SHEQU_DISBURSEMENT_PAGE_SIZE: z.coerce.number().int().min(10).max(20_000).default(1000),
  SHEQU_DISBURSEMENT_PARALLEL_PAGES: z.coerce.number().int().min(1).max(32).default(4),
  SHEQU_BANK_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.02),
  SHEQU_BANK_LATENCY_MS: z.coerce.number().int().min(0).default(3000),
  SHEQU_BANK_POLL_MS: z.coerce.number().int().min(10).default(2000),
  SHEQU_HISTORY_LIMIT: z.coerce.number().int().min(20).default(10_000),
  SHEQU_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('shequ-demo-2026'),
  SHEQU_DATA_DIR: z.string().default('.data'),
  SHEQU_PG_PORT: port(0),
  SHEQU_TOKEN_IDLE_HOURS: z.coerce.number().positive().default(8),
  SHEQU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SHEQU_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  SHEQU_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SHEQU_CORS_ORIGINS: z.string().default(''),
  SHEQU_BODY_LIMIT: z.string().default('1mb'),
  SHEQU_SWEEP_SECONDS: z.coerce.number().int().min(1).default(60),
  SHEQU_IDEMPOTENCY_STALE_SECONDS: z.coerce.number().int().min(1).default(60),
  // How long a request waits for a Workflow Update's outcome before answering 503 + Retry-After.
  SHEQU_UPDATE_WAIT_SECONDS: z.coerce.number().positive().max(600).default(20),
  // Keys of the encryption at rest of ID numbers and bank accounts (db/pii.ts reads and checks them).
  SHEQU_PII_KEYS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\s*[\w-]+:[A-Za-z0-9+/=]+\s*(,\s*[\w-]+:[A-Za-z0-9+/=]+\s*)*$/, 'keyId:base64 entries, comma-separated')
      .optional(),
  ),
  SHEQU_PII_HASH_KEY: optionalString,
  SHEQU_PII_HASH_KEY_PREVIOUS: optionalString,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && (!env.SHEQU_PII_KEYS || !env.SHEQU_PII_HASH_KEY)) {
    throw new ConfigError(
      'Invalid environment:\n  SHEQU_PII_KEYS, SHEQU_PII_HASH_KEY: required in production (ID numbers and bank accounts are encrypted with them)',
    );
  }
  if (env.TEMPORAL_TLS_CERT_PATH && !env.TEMPORAL_TLS_KEY_PATH) {
    throw new ConfigError('Invalid environment:\n  TEMPORAL_TLS_KEY_PATH: required when TEMPORAL_TLS_CERT_PATH is set');
  }
  return env;
}

export function corsOrigins(env: Env): string[] {
  return env.SHEQU_CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
