import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemoDraft } from './drafts/seedDemoDraft.ts';
import { createLogger } from './logger.ts';
import { startServer } from './startServer.ts';
import { SqliteDocumentStore } from './storage/sqlite/SqliteDocumentStore.ts';

/**
 * Composition root: configuration, store, server, signals. The only file that
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
  const store = new SqliteDocumentStore(path.join(config.dataDir, 'copydesk.sqlite'), {
    synchronous: config.sqliteSynchronous,
  });
  if (config.seedDemo) {
    const demo = await seedDemoDraft(store);
    if (demo) logger.info({ draftId: demo.id }, 'created the demo draft');
  }
  const server = await startServer(config, store, logger);
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.info({ port: server.port, dataDir: config.dataDir }, `Copydesk is ready on http://${shownHost}:${server.port}`);

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
