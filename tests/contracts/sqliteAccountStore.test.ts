import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from '../../server/storage/sqlite/SqliteAccountStore.ts';
import { describeAccountStoreContract } from './accountStore.contract.ts';

describeAccountStoreContract('SqliteAccountStore', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-accounts-contract-'));
  const db = openSqliteDatabase(path.join(dir, 'copydesk.sqlite'));
  return {
    store: new SqliteAccountStore(db),
    cleanup: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
