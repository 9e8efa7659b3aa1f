import { describe } from 'vitest';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.ts';
import { createTestSchema, findPostgresUnavailable } from '../support/postgres.ts';
import { describeDocumentStoreContract } from './documentStore.contract.ts';

const unavailable = await findPostgresUnavailable('the PostgresDocumentStore contract suite');

describe.skipIf(unavailable !== undefined)(unavailable ? `Postgres (skipped: ${unavailable})` : 'Postgres', () => {
  describeDocumentStoreContract('PostgresDocumentStore', async () => {
    const schema = await createTestSchema();
    const store = new PostgresDocumentStore(await schema.openPool());
    return {
      store,
      cleanup: async () => {
        await store.close();
        await schema.drop();
      },
    };
  });
});
