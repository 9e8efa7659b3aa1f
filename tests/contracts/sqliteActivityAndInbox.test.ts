import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from '../../server/storage/sqlite/SqliteAccountStore.ts';
import { SqliteActivityLog } from '../../server/storage/sqlite/SqliteActivityLog.ts';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { SqliteInboxStore } from '../../server/storage/sqlite/SqliteInboxStore.ts';
import { describeActivityLogContract } from './activityLog.contract.ts';
import { describeInboxStoreContract } from './inboxStore.contract.ts';

async function openFresh() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-activity-contract-'));
  const db = openSqliteDatabase(path.join(dir, 'copydesk.sqlite'));
  return {
    db,
    drafts: new SqliteDocumentStore(db),
    accounts: new SqliteAccountStore(db),
    cleanup: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeActivityLogContract('SqliteActivityLog', async () => {
  const { db, ...rest } = await openFresh();
  return { log: new SqliteActivityLog(db), exec: async (sql: string) => void db.exec(sql), ...rest };
});

describeInboxStoreContract('SqliteInboxStore', async () => {
  const { db, ...rest } = await openFresh();
  return { inbox: new SqliteInboxStore(db), ...rest };
});
