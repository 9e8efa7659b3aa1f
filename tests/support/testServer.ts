import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer, type RunningServer } from '../../server/startServer.ts';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';

export interface TestServer {
  url: string;
  /** ws://127.0.0.1:port/collab — the serverUrl for a WebsocketProvider. */
  collabUrl: string;
  dataDir: string;
  store: SqliteDocumentStore;
  server: RunningServer;
  /** Stops the server (gracefully) and closes the store; the data folder stays until `dispose`. */
  stop: () => Promise<void>;
  /** Stops if needed and deletes the data folder. */
  dispose: () => Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'copydesk-test-'));
}

/**
 * Starts the real server in this process on 127.0.0.1 with a random free
 * port and a SQLite database in `dataDir` (a fresh temporary folder unless
 * given, so a test can restart on the same data).
 */
export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const config: Config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    STATIC_DIR: path.resolve('dist/client'),
    ...options.env,
  });
  const store = new SqliteDocumentStore(path.join(dataDir, 'copydesk.sqlite'), {
    synchronous: config.sqliteSynchronous,
  });
  const server = await startServer(config, store, createLogger(config.logLevel));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await store.close();
  };
  return {
    url: server.url,
    collabUrl: server.url.replace(/^http/, 'ws') + '/collab',
    dataDir,
    store,
    server,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
