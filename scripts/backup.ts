// `npm run backup -- FILE`: a consistent copy of the SQLite database in DATA_DIR,
// safe to take while the server runs. Postgres deployments use pg_dump instead.
// A composition root like server/main.ts: the only other place that names a backend.
import path from 'node:path';
import { DATABASE_FILE } from '../server/storage/sqlite/databaseFile.ts';
import { BackupError, backupSqliteFile, inspectBackupFile, type BackupSummary } from '../server/storage/sqlite/backupSqliteFile.ts';

const USAGE = `Usage: npm run backup -- FILE
       npm run backup -- --check FILE

Copies the SQLite database in DATA_DIR (default ./data) to FILE, a new file,
while the server keeps running. The copy is checked before it is named FILE.
--check reads an existing backup without changing it and says what it holds.
To restore: stop the server, put the copy at DATA_DIR/${DATABASE_FILE} (removing
${DATABASE_FILE}-wal and ${DATABASE_FILE}-shm beside it), start the server.

With DATABASE_URL set the drafts live in Postgres: back them up with pg_dump.`;

/** "3 drafts, 1 sign-off, 4 accounts and 17 activity entries". */
function describeContents(copy: BackupSummary): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(copy.drafts, 'draft', 'drafts')}, ${count(copy.signoffs, 'sign-off', 'sign-offs')}, ${count(copy.accounts, 'account', 'accounts')} and ${count(copy.activityEntries, 'activity entry', 'activity entries')}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return 0;
  }
  const isCheck = argv[0] === '--check';
  const files = isCheck ? argv.slice(1) : argv;
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error(USAGE);
    return 64; // EX_USAGE
  }
  const file = path.resolve(files[0]!);
  try {
    if (isCheck) {
      const copy = inspectBackupFile(file);
      console.log(`${copy.file} is a whole backup of ${describeContents(copy)} (${(copy.bytes / 1024).toFixed(0)} KiB).`);
      return 0;
    }
    if (process.env.DATABASE_URL) {
      console.error('DATABASE_URL is set, so the drafts live in Postgres: back them up with pg_dump.');
      return 78; // EX_CONFIG
    }
    const source = path.join(path.resolve(process.env.DATA_DIR || './data'), DATABASE_FILE);
    const started = performance.now();
    const copy = await backupSqliteFile(source, file);
    const ms = Math.round(performance.now() - started);
    console.log(`Backed up ${describeContents(copy)} to ${copy.file} (${(copy.bytes / 1024).toFixed(0)} KiB, ${ms} ms).`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
