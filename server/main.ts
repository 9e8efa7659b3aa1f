import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatDemoBanner, seedDemoAccounts } from './auth/demoAccounts.ts';
import { loadOrCreateSessionSecret } from './auth/sessionSecret.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemoDraft } from './drafts/seedDemoDraft.ts';
import { createLogger } from './logger.ts';
import { startServer } from './startServer.ts';
import { openSqliteDatabase } from './storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from './storage/sqlite/SqliteAccountStore.ts';
import { SqliteDocumentStore } from './storage/sqlite/SqliteDocumentStore.ts';

/** The database file in DATA_DIR; `npm run user` opens the same one. */
const DATABASE_FILE = 'copydesk.sqlite';

/**
 * Composition root: configuration, stores, server, signals. The only file that
 * chooses a storage backend.
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
  mkdirSync(config.dataDir, { recursive: true });
  // Drafts and accounts share one connection to one file.
  const db = openSqliteDatabase(path.join(config.dataDir, DATABASE_FILE), { synchronous: config.sqliteSynchronous });
  const store = new SqliteDocumentStore(db);
  const accounts = new SqliteAccountStore(db);
  // Production refuses to start without SESSION_SECRET (loadConfig); elsewhere
  // a generated one is kept next to the database so sessions survive restarts.
  const sessionSecret = config.sessionSecret ?? loadOrCreateSessionSecret(config.dataDir);
  if (config.seedDemo) {
    const demo = await seedDemoDraft(store);
    if (demo) logger.info({ draftId: demo.id }, 'created the demo draft');
  }
  const demoAccounts = config.isProduction ? undefined : await seedDemoAccounts(accounts, config.demoPassword, Date.now());

  const server = await startServer(config, { store, accounts, sessionSecret, logger });
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
      .then(() => store.close())
      .then(() => db.close())
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
