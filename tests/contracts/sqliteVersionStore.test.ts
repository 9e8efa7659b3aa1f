import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { SqliteVersionStore } from '../../server/storage/sqlite/SqliteVersionStore.ts';
import { describeVersionStoreContract } from './versionStore.contract.ts';

describeVersionStoreContract('SqliteVersionStore', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-versions-contract-'));
  const db = openSqliteDatabase(path.join(dir, 'copydesk.sqlite'));
  return {
    versions: new SqliteVersionStore(db),
    drafts: new SqliteDocumentStore(db),
    exec: async (sql: string) => void db.exec(sql),
    cleanup: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
