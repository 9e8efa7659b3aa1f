import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { CLOSE_CODES } from '../shared/protocol/closeCodes.ts';
import { createCollabEndpoint } from './collab/upgrade.ts';
import { RoomRegistry } from './collab/RoomRegistry.ts';
import { UpdateLog } from './collab/UpdateLog.ts';
import type { Config } from './config.ts';
import { createApp } from './http/app.ts';
import type { Logger } from './logger.ts';
import type { DocumentStore } from './storage/DocumentStore.ts';

export interface RunningServer {
  port: number;
  /** http://host:port */
  url: string;
  registry: RoomRegistry;
  /**
   * Graceful stop: refuse new sockets and requests, close live ones with 1001
   * (clients reconnect elsewhere), wait for pending writes, then close the
   * listener. The store stays open: its owner closes it.
   */
  close: () => Promise<void>;
}

/** Wires the HTTP app and the live-sync endpoint around a store and starts listening. */
export async function startServer(config: Config, store: DocumentStore, logger: Logger): Promise<RunningServer> {
  const log = new UpdateLog(store);
  const registry = new RoomRegistry({
    store,
    log,
    logger,
    limits: {
      maxUpdateBytes: config.maxMessageBytes,
      maxAwarenessEntries: 32,
      maxAwarenessStateChars: 16 * 1024,
      compactAfterUpdates: config.compactAfterUpdates,
    },
  });
  const app = createApp({
    store,
    logger,
    staticDir: config.staticDir,
    maxImportBytes: config.maxImportBytes,
    maxJsonBodyBytes: config.maxJsonBodyBytes,
    presentIn: (draftId) => registry.findRoom(draftId)?.presentUsers() ?? [],
  });
  const collab = createCollabEndpoint({
    registry,
    logger,
    maxMessageBytes: config.maxMessageBytes,
    maxBufferedBytes: config.maxBufferedBytes,
    heartbeatMs: config.heartbeatMs,
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('upgrade', collab.handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      collab.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await registry.closeAll(CLOSE_CODES.goingAway, 'server is shutting down');
      server.closeAllConnections();
      await stopped;
    })();
    return closing;
  };

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { port, url: `http://${host}:${port}`, registry, close };
}
