import path from 'node:path';
import { z } from 'zod';

const MIB = 1024 * 1024;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
  COMPACT_AFTER_UPDATES: positiveInt(500),
  HEARTBEAT_MS: positiveInt(30_000),
  SHUTDOWN_GRACE_MS: positiveInt(10_000),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
});

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
  compactAfterUpdates: number;
  heartbeatMs: number;
  shutdownGraceMs: number;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  seedDemo: boolean;
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
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    heartbeatMs: e.HEARTBEAT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    seedDemo: e.SEED_DEMO === 'true',
  };
}
