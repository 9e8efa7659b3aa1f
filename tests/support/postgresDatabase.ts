import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createToken } from '../../server/auth/tokens.ts';
import { migratePostgres } from '../../server/storage/postgres/migratePostgres.ts';
import { PostgresAccountStore } from '../../server/storage/postgres/PostgresAccountStore.ts';
import { POSTGRES_TEST_URL } from './postgres.ts';
import { seedTestAccounts } from './testServer.ts';

export interface TestDatabase {
  url: string;
  /** A new API token for one of the test accounts (created here on first use). */
  tokenFor: (username: string) => Promise<string>;
  drop: () => Promise<void>;
}

/**
 * A whole fresh Postgres database, for tests that run several server
 * processes against the same data: migrated, with the test accounts.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `copydesk_it_${process.pid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_TEST_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // Dropping the database ends its connections; an idle one reports that as an error.
  pool.on('error', () => {});
  await migratePostgres(pool);
  const accounts = new PostgresAccountStore(pool);
  await seedTestAccounts(accounts);
  return {
    url: url.toString(),
    tokenFor: async (username) => {
      const account = await accounts.findAccountByUsername(username);
      if (!account) throw new Error(`no account ${username}`);
      const created = await createToken(accounts, account.id, `test token for ${username}`, Date.now());
      if (!created) throw new Error('too many tokens');
      return created.token;
    },
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
