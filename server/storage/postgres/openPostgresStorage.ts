import type { Storage } from '../Storage.ts';
import { withPostgresLock } from './migratePostgres.ts';
import { openPostgresPool, type PostgresOpenOptions } from './openPostgresPool.ts';
import { PostgresAccountStore } from './PostgresAccountStore.ts';
import { PostgresActivityLog } from './PostgresActivityLog.ts';
import { PostgresDocumentStore } from './PostgresDocumentStore.ts';
import { PostgresInboxStore } from './PostgresInboxStore.ts';
import { PostgresVersionStore } from './PostgresVersionStore.ts';

/**
 * Every store on one pool to `connectionString`, migrated. Several instances
 * may share the database: `exclusively` takes an advisory lock.
 */
export async function openPostgresStorage(connectionString: string, options: PostgresOpenOptions = {}): Promise<Storage> {
  const pool = await openPostgresPool(connectionString, options);
  return {
    store: new PostgresDocumentStore(pool),
    accounts: new PostgresAccountStore(pool),
    activity: new PostgresActivityLog(pool),
    inbox: new PostgresInboxStore(pool),
    versions: new PostgresVersionStore(pool),
    exclusively: (work) => withPostgresLock(pool, 'seed', work),
    close: () => pool.end(),
  };
}
