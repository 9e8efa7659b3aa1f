import { describe } from 'vitest';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.ts';
import { PostgresVersionStore } from '../../server/storage/postgres/PostgresVersionStore.ts';
import { createTestSchema, findPostgresUnavailable } from '../support/postgres.ts';
import { describeVersionStoreContract } from './versionStore.contract.ts';

const unavailable = await findPostgresUnavailable('the PostgresVersionStore contract suite');

describe.skipIf(unavailable !== undefined)(unavailable ? `Postgres (skipped: ${unavailable})` : 'Postgres', () => {
  describeVersionStoreContract('PostgresVersionStore', async () => {
    const schema = await createTestSchema();
    const pool = await schema.openPool();
    return {
      versions: new PostgresVersionStore(pool),
      drafts: new PostgresDocumentStore(pool),
      exec: async (sql: string) => void (await pool.query(sql)),
      cleanup: () => schema.drop(),
    };
  });
});
