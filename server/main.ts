import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatDemoBanner, seedDemoAccounts } from './auth/demoAccounts.ts';
import { loadOrCreateSessionSecret } from './auth/sessionSecret.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { seedDemoDraft } from './drafts/seedDemoDraft.ts';
import { createLogger, type Logger } from './logger.ts';
import { Redis } from 'ioredis';
import { RedisBroadcaster, RedisCompactionLock } from './collab/fanout/RedisBroadcaster.ts';
import { startServer } from './startServer.ts';
import type { AccountStore } from './storage/AccountStore.ts';
import type { ActivityLog } from './storage/ActivityLog.ts';
import type { InboxStore } from './storage/InboxStore.ts';
import type { DocumentStore } from './storage/DocumentStore.ts';
import type { VersionStore } from './storage/VersionStore.ts';
import { PostgresVersionStore } from './storage/postgres/PostgresVersionStore.ts';
import { SqliteVersionStore } from './storage/sqlite/SqliteVersionStore.ts';
import { withPostgresLock } from './storage/postgres/migratePostgres.ts';
import { describePostgresUrl, openPostgresPool } from './storage/postgres/openPostgresPool.ts';
import { PostgresAccountStore } from './storage/postgres/PostgresAccountStore.ts';
import { PostgresActivityLog } from './storage/postgres/PostgresActivityLog.ts';
import { PostgresInboxStore } from './storage/postgres/PostgresInboxStore.ts';
import { PostgresDocumentStore } from './storage/postgres/PostgresDocumentStore.ts';
import { openSqliteDatabase } from './storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from './storage/sqlite/SqliteAccountStore.ts';
import { SqliteActivityLog } from './storage/sqlite/SqliteActivityLog.ts';
import { SqliteInboxStore } from './storage/sqlite/SqliteInboxStore.ts';
import { SqliteDocumentStore } from './storage/sqlite/SqliteDocumentStore.ts';

/** The database file in DATA_DIR; `npm run user` opens the same one. */
const DATABASE_FILE = 'copydesk.sqlite';

/** The stores of one backend, and how to release what they share. */
interface Storage {
  store: DocumentStore;
  accounts: AccountStore;
  activity: ActivityLog;
  inbox: InboxStore;
  versions: VersionStore;
  /** Runs `work` so that no other instance on the same database runs it at the same time. */
  exclusively: <T>(work: () => Promise<T>) => Promise<T>;
  /** Closes the shared connection (SQLite) or pool (Postgres), after the stores. */
  close: () => Promise<void>;
}

/**
 * Postgres when DATABASE_URL is set (several instances may share it; its
 * migrations run here, under an advisory lock), else SQLite in DATA_DIR.
 * Rejects when the database cannot be opened or migrated.
 */
async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    const pool = await openPostgresPool(config.databaseUrl, {
      onIdleError: (error) => logger.warn({ err: error }, 'an idle Postgres connection failed; the pool replaces it'),
    });
    logger.info({ storage: 'postgres', database: describePostgresUrl(config.databaseUrl) }, 'opened the database');
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
  mkdirSync(config.dataDir, { recursive: true });
  // Drafts and accounts share one connection to one file.
  const db = openSqliteDatabase(path.join(config.dataDir, DATABASE_FILE), { synchronous: config.sqliteSynchronous });
  logger.info({ storage: 'sqlite', file: path.join(config.dataDir, DATABASE_FILE) }, 'opened the database');
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

/** How long one instance may hold a draft's compaction before another may take over. */
const COMPACTION_LEASE_MS = 60_000;

/**
 * Redis fan-out between instances: two connections (a subscribed one cannot
 * publish). ioredis reconnects by itself; the broadcaster then tells every
 * room to catch up from the database.
 */
function openFanout(redisUrl: string, logger: Logger) {
  const options = { maxRetriesPerRequest: 2, retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000) };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  logger.info({ fanout: 'redis' }, 'fan-out to other instances over Redis');
  return {
    broadcaster: new RedisBroadcaster(publisher, subscriber, logger),
    compactionLock: new RedisCompactionLock(publisher, COMPACTION_LEASE_MS),
  };
}

/**
 * Composition root: configuration, stores, server, signals. The only file
 * (with the `npm run user` CLI) that chooses a storage backend.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let storage: Storage;
  try {
    storage = await openStorage(config, logger);
  } catch (error) {
    const where = config.databaseUrl ? `DATABASE_URL (${describePostgresUrl(config.databaseUrl)})` : `DATA_DIR (${config.dataDir})`;
    logger.fatal({ err: error }, `cannot open the database at ${where}`);
    process.exit(1);
  }
  const { store, accounts, activity, inbox } = storage;
  // DATA_DIR also keeps the generated session secret, whichever backend holds the data.
  mkdirSync(config.dataDir, { recursive: true });
  // Production refuses to start without SESSION_SECRET (loadConfig); elsewhere
  // a generated one is kept next to the database so sessions survive restarts.
  const sessionSecret = config.sessionSecret ?? loadOrCreateSessionSecret(config.dataDir);
  // Seeding checks that the database is empty first: with several instances
  // starting at once on one Postgres, only one of them may do it.
  const demoAccounts = await storage.exclusively(async () => {
    if (config.seedDemo) {
      const demo = await seedDemoDraft(store);
      if (demo) logger.info({ draftId: demo.id }, 'created the demo draft');
    }
    return config.isProduction ? undefined : seedDemoAccounts(accounts, config.demoPassword, Date.now());
  });

  const fanout = config.redisUrl ? openFanout(config.redisUrl, logger) : undefined;
  const server = await startServer(config, {
    store,
    accounts,
    activity,
    inbox,
    versions: storage.versions,
    sessionSecret,
    logger,
    fanout,
  });
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  const shownUrl = `http://${shownHost}:${server.port}`;
  if (demoAccounts) {
    logger.info({ usernames: demoAccounts.map((a) => a.username) }, 'created the demo accounts');
    // Plain text on stdout, not the JSON log: a person reads it once, and
    // passwords never go through the logger.
    process.stdout.write(formatDemoBanner(demoAccounts, shownUrl));
  }
  logger.info({ port: server.port, dataDir: config.dataDir }, `Copydesk is ready on ${shownUrl}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    server
      .close()
      .then(() => fanout?.broadcaster.close())
      .then(() => store.close())
      .then(() => storage.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
