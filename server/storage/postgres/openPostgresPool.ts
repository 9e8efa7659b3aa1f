import pg from 'pg';
import { migratePostgres } from './migratePostgres.ts';

export interface PostgresOpenOptions {
  /** Tables live in this schema (sets `search_path` on every connection); the server's default when unset. */
  schema?: string;
  /** Largest number of connections the pool opens. */
  maxConnections?: number;
  /**
   * Told about an error on an idle pooled connection (the server restarted, the
   * network dropped). The pool has already discarded that connection; without
   * a listener such an error would end the process.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * Opens a pool on `connectionString` (postgres://…) and brings its schema up
 * to date before resolving. One pool serves every Postgres store of a process
 * — drafts and accounts — and the caller ends it (`pool.end()`) after them.
 * Rejects, with the pool ended, when the database cannot be reached or a
 * migration fails.
 */
export async function openPostgresPool(connectionString: string, options: PostgresOpenOptions = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // Fail (at boot, or a request) rather than hang when the server cannot be reached or the pool is exhausted.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${quoteIdentifier(options.schema)}` }),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** An identifier quoted for SQL (and for `-c search_path=`): "my schema" with inner quotes doubled. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export { describePostgresUrl } from './describePostgresUrl.ts';
