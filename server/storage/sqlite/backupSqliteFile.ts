import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** A backup that could not be made; nothing was written at the target. */
export class BackupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** What a finished backup holds, read back from the copy itself. */
export interface BackupSummary {
  file: string;
  bytes: number;
  drafts: number;
  signoffs: number;
  accounts: number;
  activityEntries: number;
}

/**
 * Copies Copydesk's SQLite database at `source` to `target` while the server
 * may be running, with SQLite's online backup: the copy is one consistent
 * moment, whatever is being written meanwhile. The copy is checked (see
 * inspectBackupFile) before it takes the target's name, so a file at `target`
 * is always a whole, readable backup; it is a single file with no WAL beside
 * it. Never overwrites: a `target` that exists is refused.
 */
export async function backupSqliteFile(source: string, target: string): Promise<BackupSummary> {
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source}; is DATA_DIR right?`);
  if (existsSync(target)) throw new BackupError(`${target} already exists; back up to a new file`);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const db = new Database(source, { fileMustExist: true });
    try {
      // The server holds the write lock for a few milliseconds at a time; wait for it rather than fail.
      db.pragma('busy_timeout = 5000');
      await db.backup(partial);
    } finally {
      db.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      // A copy that stands alone: the source's WAL mode would want -wal and -shm files beside it.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    let summary: BackupSummary;
    try {
      summary = inspectBackupFile(partial);
    } catch (error) {
      throw new BackupError(`the copy did not check out, so nothing was written at ${target}: ${(error as Error).message}`, { cause: error });
    }
    renameSync(partial, target);
    return { ...summary, file: target };
  } catch (error) {
    rmSync(partial, { force: true });
    throw asBackupError(error, 'the backup failed');
  }
}

/**
 * Reads a backup without changing it: SQLite's integrity check, then its rows
 * counted. Throws BackupError when it is not a whole Copydesk database.
 */
export function inspectBackupFile(file: string): BackupSummary {
  if (!existsSync(file)) throw new BackupError(`there is no file at ${file}`);
  try {
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new BackupError(`${file} failed SQLite's integrity check: ${String(integrity)}`);
      const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return {
        file,
        drafts: count('drafts'),
        signoffs: count('signoffs'),
        accounts: count('accounts'),
        activityEntries: count('activity'),
        bytes: statSync(file).size,
      };
    } finally {
      copy.close();
    }
  } catch (error) {
    throw asBackupError(error, `${file} is not a whole Copydesk database`);
  }
}

function asBackupError(error: unknown, what: string): BackupError {
  if (error instanceof BackupError) return error;
  return new BackupError(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
