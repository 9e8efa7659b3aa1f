import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './migrations.ts';

export interface SqliteOpenOptions {
  /** `FULL` survives power loss; `NORMAL` (WAL) survives a process crash only. */
  synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Opens (creating if needed) Copydesk's database file and brings its schema up
 * to date. One connection serves every SQLite store of a process — drafts and
 * accounts — so they share the file, its WAL and its write lock. The caller
 * owns the connection and closes it after the stores that use it.
 */
export function openSqliteDatabase(filename: string, options: SqliteOpenOptions = {}): Database.Database {
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Applies the migrations past `user_version`, each in its own transaction, in order. */
function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let version = applied; version < SQLITE_MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
