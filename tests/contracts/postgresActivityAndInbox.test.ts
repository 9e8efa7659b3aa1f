import { describe } from 'vitest';
import { PostgresAccountStore } from '../../server/storage/postgres/PostgresAccountStore.ts';
import { PostgresActivityLog } from '../../server/storage/postgres/PostgresActivityLog.ts';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.ts';
import { PostgresInboxStore } from '../../server/storage/postgres/PostgresInboxStore.ts';
import { createTestSchema, findPostgresUnavailable } from '../support/postgres.ts';
import { describeActivityLogContract } from './activityLog.contract.ts';
import { describeInboxStoreContract } from './inboxStore.contract.ts';

const unavailable = await findPostgresUnavailable('the PostgresActivityLog and PostgresInboxStore contract suites');

async function openFresh() {
  const schema = await createTestSchema();
  const pool = await schema.openPool();
  return {
    pool,
    drafts: new PostgresDocumentStore(pool),
    accounts: new PostgresAccountStore(pool),
    cleanup: () => schema.drop(),
  };
}

describe.skipIf(unavailable !== undefined)(unavailable ? `Postgres (skipped: ${unavailable})` : 'Postgres', () => {
  describeActivityLogContract('PostgresActivityLog', async () => {
    const { pool, ...rest } = await openFresh();
    return { log: new PostgresActivityLog(pool), exec: async (sql: string) => void (await pool.query(sql)), ...rest };
  });

  describeInboxStoreContract('PostgresInboxStore', async () => {
    const { pool, ...rest } = await openFresh();
    return { inbox: new PostgresInboxStore(pool), ...rest };
  });
});
