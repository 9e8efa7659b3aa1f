// `npm run user -- <command>`: manage accounts in the server's database — Postgres
// when DATABASE_URL is set, else SQLite in DATA_DIR — with or without the server
// running (SQLite's WAL lets both use the file at once).
// A composition root like server/main.ts: the only other place that names a backend.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { displayNameSchema, passwordSchema, roleSchema, usernameSchema } from '../shared/api/auth.ts';
import { addAccount, editAccount, type AccountEdit } from '../server/auth/accounts.ts';
import { generatePassword } from '../server/auth/passwords.ts';
import { AppError, notFound } from '../server/appError.ts';
import { ConfigError, loadDatabaseUrl } from '../server/config.ts';
import type { AccountRecord, AccountStore } from '../server/storage/AccountStore.ts';
import { openPostgresPool } from '../server/storage/postgres/openPostgresPool.ts';
import { PostgresAccountStore } from '../server/storage/postgres/PostgresAccountStore.ts';
import { DATABASE_FILE } from '../server/storage/sqlite/databaseFile.ts';
import { openSqliteDatabase } from '../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from '../server/storage/sqlite/SqliteAccountStore.ts';

const USAGE = `Usage: npm run user -- <command>

  add NAME --role ROLE [--name "Display Name"] [--password P]
                          create an account (prints a generated password when none is given)
  list                    list every account
  role NAME ROLE          change an account's role (editor, legal, chief, admin)
  disable NAME            stop an account signing in; ends its sessions, its tokens stop working
  enable NAME             let a disabled account sign in again
  password NAME [--password P]
                          set a new password (prints a generated one when none is given); ends its sessions

Works on the Postgres database at DATABASE_URL when it is set, else on the
SQLite database in DATA_DIR (default ./data).`;

/** A mistake in the command line: usage is printed, exit code 64. */
class UsageError extends Error {}

function parse<T extends z.core.$ZodType>(schema: T, value: string | undefined, what: string): z.infer<T> {
  if (value === undefined) throw new UsageError(`missing ${what}`);
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new UsageError(`${what}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

async function getAccount(accounts: AccountStore, name: string | undefined): Promise<AccountRecord> {
  const username = parse(usernameSchema, name, 'NAME');
  const account = await accounts.findAccountByUsername(username);
  if (!account) throw notFound(`no account named ${JSON.stringify(username)}`);
  return account;
}

function describe(account: AccountRecord): string {
  return `${account.username} (${account.role}, "${account.displayName}"${account.disabled ? ', disabled' : ''})`;
}

async function run(argv: string[], accounts: AccountStore): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return;
  }
  const expectArgs = (count: number) => {
    if (rest.length !== count) throw new UsageError(`${command} takes ${count} argument${count === 1 ? '' : 's'}`);
  };
  const edit = async (change: AccountEdit, done: string) => {
    const account = await getAccount(accounts, rest[0]);
    const updated = await editAccount(accounts, account.id, change);
    console.log(`${done}: ${describe(updated)}`);
  };
  const passwordOrGenerated = () =>
    values.password === undefined
      ? { password: generatePassword(), isGenerated: true }
      : { password: parse(passwordSchema, values.password, '--password'), isGenerated: false };

  switch (command) {
    case 'add': {
      expectArgs(1);
      const username = parse(usernameSchema, rest[0], 'NAME');
      const role = parse(roleSchema, values.role, '--role');
      const displayName = values.name === undefined ? undefined : parse(displayNameSchema, values.name, '--name');
      const { password, isGenerated } = passwordOrGenerated();
      const account = await addAccount(accounts, { username, role, displayName, password }, Date.now());
      console.log(`Added ${describe(account)}`);
      if (isGenerated) console.log(`Password (shown once): ${password}`);
      return;
    }
    case 'list': {
      expectArgs(0);
      const all = await accounts.listAccounts();
      if (all.length === 0) {
        console.log('No accounts.');
        return;
      }
      const width = Math.max(8, ...all.map((a) => a.username.length));
      console.log(`${'username'.padEnd(width)}  ${'role'.padEnd(6)}  ${'status'.padEnd(8)}  created     name`);
      for (const a of all) {
        const created = new Date(a.createdAt).toISOString().slice(0, 10);
        const status = a.disabled ? 'disabled' : 'active';
        console.log(`${a.username.padEnd(width)}  ${a.role.padEnd(6)}  ${status.padEnd(8)}  ${created}  ${a.displayName}`);
      }
      return;
    }
    case 'role':
      expectArgs(2);
      await edit({ role: parse(roleSchema, rest[1], 'ROLE') }, 'Changed');
      return;
    case 'disable':
      expectArgs(1);
      await edit({ disabled: true }, 'Disabled');
      return;
    case 'enable':
      expectArgs(1);
      await edit({ disabled: false }, 'Enabled');
      return;
    case 'password': {
      expectArgs(1);
      const { password, isGenerated } = passwordOrGenerated();
      await edit({ password }, 'New password set');
      if (isGenerated) console.log(`Password (shown once): ${password}`);
      return;
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

/** The account store the server uses too (migrating the schema if needed), and how to close it. */
async function openAccounts(): Promise<{ accounts: AccountStore; close: () => Promise<void> }> {
  const databaseUrl = loadDatabaseUrl();
  if (databaseUrl) {
    const pool = await openPostgresPool(databaseUrl);
    return { accounts: new PostgresAccountStore(pool), close: () => pool.end() };
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const db = openSqliteDatabase(path.join(dataDir, DATABASE_FILE));
  return {
    accounts: new SqliteAccountStore(db),
    close: async () => {
      db.close();
    },
  };
}

async function main(): Promise<number> {
  let opened;
  try {
    opened = await openAccounts();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  try {
    await run(process.argv.slice(2), opened.accounts);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      // parseArgs throws TypeErrors with an ERR_PARSE_ARGS_* code for unknown options.
      console.error(`${error.message}\n\n${USAGE}`);
      return 64; // EX_USAGE
    }
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
