import path from 'node:path';
import { z } from 'zod';
import { MIN_PASSWORD_CHARS } from '../shared/api/auth.ts';
import './validationMessages.ts';

const MIB = 1024 * 1024;
const HOUR_MS = 60 * 60 * 1000;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Unset or empty: SQLite in DATA_DIR. Otherwise a postgres:// or postgresql:// URL. */
const databaseUrlSchema = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))
  .refine((value) => value === undefined || isPostgresUrl(value), {
    message: 'must be a postgres:// or postgresql:// URL, e.g. postgres://copydesk@db.internal:5432/copydesk',
  });

/** Unset or empty: one instance, no fan-out. Otherwise a redis:// or rediss:// URL. */
const redisUrlSchema = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))
  .refine((value) => value === undefined || /^rediss?:\/\/[^\s]+$/.test(value), {
    message: 'must be a redis:// or rediss:// URL, e.g. redis://cache.internal:6379',
  });

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().min(1).default('./dist/client'),
  MAX_MESSAGE_BYTES: positiveInt(10 * MIB),
  MAX_IMPORT_BYTES: positiveInt(5 * MIB),
  MAX_JSON_BODY_BYTES: positiveInt(1 * MIB),
  MAX_BUFFERED_BYTES: positiveInt(64 * MIB),
  MAX_AWARENESS_PER_SECOND: positiveInt(50),
  COMPACT_AFTER_UPDATES: positiveInt(500),
  CHECKPOINT_AFTER_MS: positiveInt(300_000),
  HEARTBEAT_MS: positiveInt(30_000),
  SHUTDOWN_GRACE_MS: positiveInt(10_000),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  DATABASE_URL: databaseUrlSchema,
  REDIS_URL: redisUrlSchema,
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  NODE_ENV: z.string().optional(),
  SESSION_SECRET: z.string().min(32, 'use at least 32 random characters (e.g. openssl rand -base64 48)').optional(),
  DEMO_PASSWORD: z.string().min(MIN_PASSWORD_CHARS, `a password has at least ${MIN_PASSWORD_CHARS} characters`).max(200).optional(),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
        const origin = toOrigin(entry);
        if (origin) origins.push(origin);
        else ctx.addIssue({ code: 'custom', message: `${JSON.stringify(entry)} is not an origin like https://desk.example.com` });
      }
      return origins;
    }),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 7).default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: positiveInt(20),
  SIGNIN_LOCKOUT_MINUTES: positiveInt(15),
  CREDENTIAL_RECHECK_MS: positiveInt(15_000),
});

/** `https://host:port` for a bare origin; undefined for anything with a path, query or credentials. */
function toOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    const isBare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return isBare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  staticDir: string;
  maxMessageBytes: number;
  maxImportBytes: number;
  maxJsonBodyBytes: number;
  maxBufferedBytes: number;
  /** Awareness messages one live-sync connection may have handled per second; the newest of the rest waits (CS20). */
  maxAwarenessPerSecond: number;
  compactAfterUpdates: number;
  /** A checkpoint version is taken this long after the first edit since the last version. */
  checkpointAfterMs: number;
  heartbeatMs: number;
  shutdownGraceMs: number;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Postgres connection URL: drafts and accounts live there. Undefined: SQLite in DATA_DIR. */
  databaseUrl: string | undefined;
  /** Redis URL for fan-out between instances and the compaction lease. Undefined: this instance is alone. */
  redisUrl: string | undefined;
  seedDemo: boolean;
  /** NODE_ENV=production: no demo accounts, and SESSION_SECRET is required. */
  isProduction: boolean;
  /** Signs the session cookie. Undefined outside production when unset: main.ts then keeps one in DATA_DIR. */
  sessionSecret: string | undefined;
  /** The demo accounts' password; undefined gives each one a generated password. */
  demoPassword: string | undefined;
  /** Origins besides the server's own that may make cookie-authenticated writes and open sockets. */
  allowedOrigins: string[];
  /** A session ends this long after its last use (sliding); never later than SESSION_MAX_AGE_MS after sign-in. */
  sessionTtlMs: number;
  /** Believe X-Forwarded-Proto and the last X-Forwarded-For hop: one reverse proxy sits in front. */
  trustProxy: boolean;
  signInLimits: SignInLimits;
  /** How often open WebSockets' sessions and tokens are checked again (sign-out, revocation, disabling). */
  credentialRecheckMs: number;
}

export interface SignInLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMs: number;
}

/** A setting that is present but unusable; the message names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from the environment. Throws ConfigError naming
 * every bad setting, so a misconfigured server fails at boot, not later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.SESSION_SECRET) {
    throw new ConfigError(
      'invalid configuration: SESSION_SECRET: required when NODE_ENV=production (at least 32 random characters)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    staticDir: path.resolve(e.STATIC_DIR),
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    maxJsonBodyBytes: e.MAX_JSON_BODY_BYTES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    maxAwarenessPerSecond: e.MAX_AWARENESS_PER_SECOND,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    checkpointAfterMs: e.CHECKPOINT_AFTER_MS,
    heartbeatMs: e.HEARTBEAT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    seedDemo: e.SEED_DEMO === 'true',
    isProduction,
    sessionSecret: e.SESSION_SECRET,
    demoPassword: e.DEMO_PASSWORD,
    allowedOrigins: e.ALLOWED_ORIGINS,
    sessionTtlMs: e.SESSION_TTL_HOURS * HOUR_MS,
    trustProxy: e.TRUST_PROXY === 'true',
    signInLimits: {
      maxFailuresPerAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: e.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: e.SIGNIN_LOCKOUT_MINUTES * 60_000,
    },
    credentialRecheckMs: e.CREDENTIAL_RECHECK_MS,
  };
}

/**
 * DATABASE_URL alone, for the `npm run user` CLI, which needs none of the
 * server's other settings. Undefined when unset or empty; throws ConfigError
 * naming it when it is not a Postgres URL.
 */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const parsed = databaseUrlSchema.safeParse(env.DATABASE_URL);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration: DATABASE_URL: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}
