import type { Storage } from '../Storage.ts';
import { openSqliteDatabase, type SqliteOpenOptions } from './openSqliteDatabase.ts';
import { SqliteAccountStore } from './SqliteAccountStore.ts';
import { SqliteActivityLog } from './SqliteActivityLog.ts';
import { SqliteDocumentStore } from './SqliteDocumentStore.ts';
import { SqliteInboxStore } from './SqliteInboxStore.ts';
import { SqliteVersionStore } from './SqliteVersionStore.ts';

/** Every store on one connection to the database file `file`, migrated. One process owns the file. */
export function openSqliteStorage(file: string, options: SqliteOpenOptions = {}): Storage {
  const db = openSqliteDatabase(file, options);
  return {
    store: new SqliteDocumentStore(db),
    accounts: new SqliteAccountStore(db),
    activity: new SqliteActivityLog(db),
    inbox: new SqliteInboxStore(db),
    versions: new SqliteVersionStore(db),
    exclusively: (work) => work(),
    close: async () => {
      db.close();
    },
  };
}
