import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DEMO_ACCOUNTS } from '../../server/auth/demoAccounts.ts';
import { SESSION_COOKIE } from '../../server/auth/sessionCookie.ts';
import { createToken } from '../../server/auth/tokens.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer, type RunningServer } from '../../server/startServer.ts';
import { openSqliteDatabase } from '../../server/storage/sqlite/openSqliteDatabase.ts';
import type { AccountStore } from '../../server/storage/AccountStore.ts';
import { SqliteAccountStore } from '../../server/storage/sqlite/SqliteAccountStore.ts';
import { SqliteActivityLog } from '../../server/storage/sqlite/SqliteActivityLog.ts';
import { SqliteInboxStore } from '../../server/storage/sqlite/SqliteInboxStore.ts';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { SqliteVersionStore } from '../../server/storage/sqlite/SqliteVersionStore.ts';

/** The password of every demo account on a test server. */
export const DEMO_PASSWORD = 'demo-password-for-tests';
export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';
/** The demo accounts every test server has, one per role. */
export type DemoUsername = 'editor' | 'legal' | 'chief' | 'admin';

export interface TestServer {
  url: string;
  /** ws://127.0.0.1:port/collab — the serverUrl for a WebsocketProvider. */
  collabUrl: string;
  dataDir: string;
  store: SqliteDocumentStore;
  accounts: SqliteAccountStore;
  /** The SQLite connection the stores share, for tests that tamper with rows directly. */
  db: Database.Database;
  server: RunningServer;
  /**
   * Signs in over HTTP (one real scrypt check) and resolves to a `Cookie`
   * header value holding the session. Throws if sign-in fails.
   */
  signIn: (username?: DemoUsername | string, password?: string) => Promise<string>;
  /**
   * An API token for an account, made straight in the store (no HTTP, no
   * scrypt) and remembered per username: `Authorization: Bearer <token>` on
   * REST, `params: { token }` on a WebsocketProvider.
   */
  tokenFor: (username?: DemoUsername | string) => Promise<string>;
  /** `{ authorization: 'Bearer …' }` for fetch, from tokenFor. */
  authHeaders: (username?: DemoUsername | string) => Promise<Record<string, string>>;
  /** Creates an empty draft over the REST API as `username`; resolves to its id. */
  createDraftAs: (username: DemoUsername | string, title: string) => Promise<string>;
  /** Stops the server (gracefully) and closes the database; the data folder stays until `dispose`. */
  stop: () => Promise<void>;
  /** Stops if needed and deletes the data folder. */
  dispose: () => Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'copydesk-test-'));
}

export interface TestServerOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** Builds the document store on the shared connection (a failing store, say); a plain one by default. */
  makeStore?: (db: Database.Database) => SqliteDocumentStore;
}

/**
 * Starts the real server in this process on 127.0.0.1 with a random free
 * port and a SQLite database in `dataDir` (a fresh temporary folder unless
 * given, so a test can restart on the same data). The demo accounts (editor,
 * legal, chief, admin) exist with DEMO_PASSWORD.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const config: Config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    STATIC_DIR: path.resolve('dist/client'),
    SESSION_SECRET: TEST_SESSION_SECRET,
    ...options.env,
  });
  const db = openSqliteDatabase(path.join(dataDir, 'copydesk.sqlite'), { synchronous: config.sqliteSynchronous });
  const store = options.makeStore?.(db) ?? new SqliteDocumentStore(db);
  const accounts = new SqliteAccountStore(db);
  await seedTestAccounts(accounts);
  const server = await startServer(config, {
    store,
    accounts,
    activity: new SqliteActivityLog(db),
    inbox: new SqliteInboxStore(db),
    versions: new SqliteVersionStore(db),
    sessionSecret: config.sessionSecret ?? TEST_SESSION_SECRET,
    logger: createLogger(config.logLevel),
  });

  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (username = 'editor') => {
    let token = tokens.get(username);
    if (!token) {
      token = (async () => {
        const account = await accounts.findAccountByUsername(username);
        if (!account) throw new Error(`no account ${username} on the test server`);
        const created = await createToken(accounts, account.id, `test token for ${username}`, Date.now());
        if (!created) throw new Error(`${username} has too many tokens`);
        return created.token;
      })();
      tokens.set(username, token);
    }
    return token;
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await store.close();
    db.close();
  };
  return {
    url: server.url,
    collabUrl: server.url.replace(/^http/, 'ws') + '/collab',
    dataDir,
    store,
    accounts,
    db,
    server,
    signIn: (username = 'editor', password = DEMO_PASSWORD) => signIn(server.url, username, password),
    tokenFor,
    authHeaders: async (username) => ({ authorization: `Bearer ${await tokenFor(username)}` }),
    createDraftAs: async (username, title) => {
      const response = await fetch(`${server.url}/api/docs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(username)}` },
        body: JSON.stringify({ title }),
      });
      if (response.status !== 201) throw new Error(`creating a draft answered ${response.status}`);
      return ((await response.json()) as { draft: { id: string } }).draft.id;
    },
    stop,
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo accounts with DEMO_PASSWORD, when the store has no accounts yet,
 * with cheap hashes (testPasswordHash). Accounts made through the API or the
 * CLI in tests get the production cost.
 */
export async function seedTestAccounts(accounts: AccountStore): Promise<void> {
  if ((await accounts.countAccounts()) > 0) return;
  for (const demo of DEMO_ACCOUNTS) {
    await accounts.createAccount({
      ...demo,
      id: `test-${demo.username}`,
      passwordHash: testPasswordHash(DEMO_PASSWORD),
      createdAt: Date.now(),
    });
  }
}

/**
 * A stored password string at a cheap scrypt cost (2^10 instead of 2^15), so
 * the many sign-ins of the tests take milliseconds rather than a few hundred
 * each; verification reads the cost from the string, the same code path as
 * for production hashes.
 */
export function testPasswordHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  return `$scrypt$ln=10,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Signs in at `baseUrl` and resolves to the `Cookie` header value
 * (`copydesk_session=…`) of the new session. Throws with the answer when
 * sign-in fails.
 */
export async function signIn(baseUrl: string, username: string, password: string = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`sign-in as ${username} set no session cookie`);
  return cookie;
}

/** The `name=value` of the session cookie a response sets, or undefined. */
export function sessionCookieOf(res: Response): string | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return line?.split(';')[0];
}

/**
 * For a server run as its own process (serverProcess.ts): gives `dataDir`
 * the test accounts if it has none and resolves to a new API token for
 * `username`. Call it before spawning (main.ts then creates no demo
 * accounts) or while the server runs (SQLite's WAL allows both).
 */
export async function tokenInDataDir(dataDir: string, username: DemoUsername | string = 'editor'): Promise<string> {
  const db = openSqliteDatabase(path.join(dataDir, 'copydesk.sqlite'));
  try {
    const accounts = new SqliteAccountStore(db);
    await seedTestAccounts(accounts);
    const account = await accounts.findAccountByUsername(username);
    if (!account) throw new Error(`no account ${username} in ${dataDir}`);
    const created = await createToken(accounts, account.id, `test token for ${username}`, Date.now());
    if (!created) throw new Error(`${username} has too many tokens`);
    return created.token;
  } finally {
    db.close();
  }
}
