import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describePostgresUrl, openPostgresPool, quoteIdentifier } from '../../server/storage/postgres/openPostgresPool.ts';

/** The database Postgres suites use: DATABASE_URL_TEST, else the local `test` database. Each test works in its own schema. */
export const POSTGRES_TEST_URL = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Checks that Postgres answers at POSTGRES_TEST_URL. Resolves to undefined
 * when it does, else to the reason (also printed with console.warn) so the
 * caller can skip with `describe.skipIf(reason !== undefined)`. With CI=true
 * an unreachable Postgres is a failure, never a skip: it throws.
 *
 * Call it with top-level await in the test file, before describing suites.
 */
export async function findPostgresUnavailable(suite: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const reason = `Postgres at ${describePostgresUrl(POSTGRES_TEST_URL)} is unreachable (${(error as Error).message || String(error)})`;
    if (process.env.CI === 'true') throw new Error(`${suite}: ${reason}; with CI=true these suites must run, not skip`);
    console.warn(`skipping ${suite}: ${reason}; set DATABASE_URL_TEST to run them`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestSchema {
  /** A fresh, empty schema's name, unique to this test run. */
  name: string;
  /** A migrated pool working in this schema; the schema's `drop` ends it. */
  openPool: () => Promise<pg.Pool>;
  /** A pool working in this schema, not migrated; the schema's `drop` ends it. */
  openRawPool: () => pg.Pool;
  /** Ends the pools opened here and drops the schema with everything in it. */
  drop: () => Promise<void>;
}

/** Creates a uniquely named empty schema in the test database, for one test's store. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `copydesk_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE SCHEMA ${quoteIdentifier(name)}`));
  const pools: pg.Pool[] = [];
  return {
    name,
    openPool: async () => {
      const pool = await openPostgresPool(POSTGRES_TEST_URL, { schema: name, maxConnections: 4 });
      pools.push(pool);
      return pool;
    },
    openRawPool: () => {
      const pool = new pg.Pool({ connectionString: POSTGRES_TEST_URL, max: 4, options: `-c search_path=${quoteIdentifier(name)}` });
      pools.push(pool);
      return pool;
    },
    drop: async () => {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
      await withAdminClient((client) => client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`));
    },
  };
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
