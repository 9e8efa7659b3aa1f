import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { seedDemoFlags } from './annotations/seedDemoFlags.ts';
import { toPrincipal } from './auth/authenticator.ts';
import { formatDemoBanner, seedDemoAccounts } from './auth/demoAccounts.ts';
import { loadOrCreateSessionSecret } from './auth/sessionSecret.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { seedDemoDraft } from './drafts/seedDemoDraft.ts';
import { createLogger, type Logger } from './logger.ts';
import { startServer } from './startServer.ts';
import { describePostgresUrl } from './storage/postgres/describePostgresUrl.ts';
import type { Storage } from './storage/Storage.ts';
import { DATABASE_FILE } from './storage/sqlite/databaseFile.ts';
import { openSqliteStorage } from './storage/sqlite/openSqliteStorage.ts';


/**
 * Postgres when DATABASE_URL is set (several instances may share it; its
 * migrations run here, under an advisory lock), else SQLite in DATA_DIR.
 * Rejects when the database cannot be opened or migrated.
 */
async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    // Loaded only when chosen: a process on SQLite never pays for the Postgres client.
    const { openPostgresStorage } = await import('./storage/postgres/openPostgresStorage.ts');
    const storage = await openPostgresStorage(config.databaseUrl, {
      onIdleError: (error) => logger.warn({ err: error }, 'an idle Postgres connection failed; the pool replaces it'),
    });
    logger.info({ storage: 'postgres', database: describePostgresUrl(config.databaseUrl) }, 'opened the database');
    return storage;
  }
  mkdirSync(config.dataDir, { recursive: true });
  // Drafts and accounts share one connection to one file.
  const file = path.join(config.dataDir, DATABASE_FILE);
  const storage = openSqliteStorage(file, { synchronous: config.sqliteSynchronous });
  logger.info({ storage: 'sqlite', file }, 'opened the database');
  return storage;
}

/** How long one instance may hold a draft's compaction before another may take over. */
const COMPACTION_LEASE_MS = 60_000;
/** The same for a check of a draft's cleared legal flags, which takes milliseconds. */
const CLEARANCE_LEASE_MS = 10_000;

/**
 * Redis fan-out between instances: two connections (a subscribed one cannot
 * publish), the publishing one also keeping compaction leases, failed
 * sign-in counts and presence. ioredis reconnects by itself; the broadcaster then tells every
 * room to catch up from the database.
 */
async function openFanout(redisUrl: string, logger: Logger) {
  // Loaded only when REDIS_URL is set, like the Postgres client above.
  const [{ Redis }, { RedisBroadcaster, RedisDraftLock }, { redisFailureCounts }, { redisPresenceDirectory }] = await Promise.all([
    import('ioredis'),
    import('./collab/fanout/RedisBroadcaster.ts'),
    import('./auth/RedisFailureCounts.ts'),
    import('./collab/fanout/RedisPresenceDirectory.ts'),
  ]);
  const options = { maxRetriesPerRequest: 2, retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000) };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  logger.info({ fanout: 'redis' }, 'fan-out to other instances over Redis');
  return {
    broadcaster: new RedisBroadcaster(publisher, subscriber, logger),
    compactionLock: new RedisDraftLock(publisher, 'compaction', COMPACTION_LEASE_MS),
    clearanceLock: new RedisDraftLock(publisher, 'clearance', CLEARANCE_LEASE_MS),
    // Failed sign-ins count across instances, or each would allow the limit anew.
    signInFailures: redisFailureCounts(publisher, logger),
    // The drafts list shows who is in a draft on any instance.
    presence: redisPresenceDirectory(publisher, logger),
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
  const { demoDraft, demoAccounts } = await storage.exclusively(async () => {
    const draft = config.seedDemo ? await seedDemoDraft(store) : undefined;
    if (draft) logger.info({ draftId: draft.id }, 'created the demo draft');
    const created = config.isProduction ? undefined : await seedDemoAccounts(accounts, config.demoPassword, Date.now());
    return { demoDraft: draft, demoAccounts: created };
  });

  const fanout = config.redisUrl ? await openFanout(config.redisUrl, logger) : undefined;
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
  if (demoDraft && demoAccounts) {
    // The demo is still worth opening without its flags: a failure here is logged, not fatal.
    const deps = { registry: server.registry, activity, inbox, accounts, now: Date.now, logger };
    await seedDemoFlags(deps, demoDraft.id, (account) => toPrincipal(account, { kind: 'server', id: 'demo' })).then(
      (isFlagged) => {
        if (isFlagged) logger.info({ draftId: demoDraft.id }, 'flagged the demo draft');
      },
      (error: unknown) => logger.warn({ err: error, draftId: demoDraft.id }, 'could not flag the demo draft'),
    );
  }
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
