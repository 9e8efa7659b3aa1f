import { describe } from 'vitest';
import { PostgresAccountStore } from '../../server/storage/postgres/PostgresAccountStore.ts';
import { createTestSchema, findPostgresUnavailable } from '../support/postgres.ts';
import { describeAccountStoreContract } from './accountStore.contract.ts';

const unavailable = await findPostgresUnavailable('the PostgresAccountStore contract suite');

describe.skipIf(unavailable !== undefined)(unavailable ? `Postgres (skipped: ${unavailable})` : 'Postgres', () => {
  describeAccountStoreContract('PostgresAccountStore', async () => {
    const schema = await createTestSchema();
    const store = new PostgresAccountStore(await schema.openPool());
    return { store, cleanup: () => schema.drop() };
  });
});
