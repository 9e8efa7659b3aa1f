import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { describeDocumentStoreContract } from './documentStore.contract.ts';

describeDocumentStoreContract('SqliteDocumentStore', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-contract-'));
  const store = new SqliteDocumentStore(path.join(dir, 'drafts.sqlite'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
