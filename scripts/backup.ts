// `npm run backup -- FILE`: a consistent copy of the SQLite database in DATA_DIR,
// safe to take while the server runs. Postgres deployments use pg_dump instead.
// A composition root like server/main.ts: the only other place that names a backend.
import path from 'node:path';
import { DATABASE_FILE } from '../server/storage/sqlite/databaseFile.ts';
import { BackupError, backupSqliteFile } from '../server/storage/sqlite/backupSqliteFile.ts';

const USAGE = `Usage: npm run backup -- FILE

Copies the SQLite database in DATA_DIR (default ./data) to FILE, a new file,
while the server keeps running. The copy is checked before it is named FILE.
To restore: stop the server, put the copy at DATA_DIR/${DATABASE_FILE} (removing
${DATABASE_FILE}-wal and ${DATABASE_FILE}-shm beside it), start the server.

With DATABASE_URL set the drafts live in Postgres: back them up with pg_dump.`;

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] === '--help' || argv[0] === '-h' || argv[0]!.startsWith('-')) {
    console.error(USAGE);
    return argv[0] === '--help' || argv[0] === '-h' ? 0 : 64; // EX_USAGE
  }
  if (process.env.DATABASE_URL) {
    console.error('DATABASE_URL is set, so the drafts live in Postgres: back them up with pg_dump.');
    return 78; // EX_CONFIG
  }
  const source = path.join(path.resolve(process.env.DATA_DIR || './data'), DATABASE_FILE);
  const target = path.resolve(argv[0]!);
  const started = performance.now();
  try {
    const copy = await backupSqliteFile(source, target);
    const ms = Math.round(performance.now() - started);
    console.log(
      `Backed up ${copy.drafts} draft${copy.drafts === 1 ? '' : 's'}, ${copy.signoffs} sign-off${copy.signoffs === 1 ? '' : 's'}, ` +
        `${copy.accounts} account${copy.accounts === 1 ? '' : 's'} and ${copy.activityEntries} activity entr${copy.activityEntries === 1 ? 'y' : 'ies'} ` +
        `to ${copy.file} (${(copy.bytes / 1024).toFixed(0)} KiB, ${ms} ms).`,
    );
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
