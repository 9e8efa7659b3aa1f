import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { CLOSE_CODES } from '../shared/protocol/closeCodes.ts';
import { ClearanceWatcher } from './annotations/ClearanceWatcher.ts';
import type { AnnotationDeps } from './annotations/annotationDeps.ts';
import { createAuthenticator, type Authenticator } from './auth/authenticator.ts';
import { createSignIn } from './auth/signIn.ts';
import { createCollabEndpoint } from './collab/upgrade.ts';
import type { Broadcaster, DraftLock } from './collab/fanout/Broadcaster.ts';
import { answerWithin } from './answerWithin.ts';
import type { FailureCountsFactory } from './auth/FailureCounts.ts';
import { localPresenceDirectory, type PresenceDirectoryFactory } from './collab/PresenceDirectory.ts';
import { RoomRegistry } from './collab/RoomRegistry.ts';
import { UpdateLog } from './collab/UpdateLog.ts';
import { warmUpSyncPaths } from './collab/warmUp.ts';
import { warmUpEndpoint } from './collab/warmUpEndpoint.ts';
import type { Config } from './config.ts';
import { createApp } from './http/app.ts';
import { createMetrics } from './ops/metrics.ts';
import type { Logger } from './logger.ts';
import type { AccountStore } from './storage/AccountStore.ts';
import type { ActivityLog } from './storage/ActivityLog.ts';
import type { InboxStore } from './storage/InboxStore.ts';
import type { DocumentStore } from './storage/DocumentStore.ts';
import type { VersionStore } from './storage/VersionStore.ts';
import { isDeskLocked } from './versions/deskRecord.ts';
import type { VersionDeps } from './versions/versionDeps.ts';
import { VersionWatcher } from './versions/VersionWatcher.ts';

export interface ServerDeps {
  store: DocumentStore;
  accounts: AccountStore;
  /** The append-only log of flag actions per draft. */
  activity: ActivityLog;
  /** Mentions and assignments per account. */
  inbox: InboxStore;
  /** Versions, sign-offs and the desk state mirror. */
  versions: VersionStore;
  /** SESSION_SECRET, or the one main.ts keeps in DATA_DIR outside production. */
  sessionSecret: string;
  logger: Logger;
  /** Clock for sessions, tokens and sign-in limits; tests may pin it. */
  now?: () => number;
  /** What instances share through Redis: the fan-out, compaction leases, failed sign-in counts, presence. Absent when this instance is alone. */
  fanout?: {
    broadcaster: Broadcaster;
    compactionLock: DraftLock;
    /** One instance at a time checks a draft's cleared legal flags. */
    clearanceLock: DraftLock;
    signInFailures?: FailureCountsFactory;
    presence?: PresenceDirectoryFactory;
  };
}

export interface RunningServer {
  port: number;
  /** http://host:port */
  url: string;
  registry: RoomRegistry;
  /** Turns credentials into principals; the same one REST and the WebSocket use. */
  authenticator: Authenticator;
  /**
   * Graceful stop: refuse new sockets and requests, close live ones with 1001
   * (clients reconnect elsewhere), wait for pending writes, then close the
   * listener. The stores stay open: their owner closes them.
   */
  close: () => Promise<void>;
}

/** How often expired sessions are swept from the store (each is also dropped when next presented). */
const SWEEP_SESSIONS_EVERY_MS = 60 * 60 * 1000;

/** A database that does not answer a trivial query within this is not ready. */
const READINESS_TIMEOUT_MS = 2000;

/** Wires the HTTP app and the live-sync endpoint around the stores and starts listening. */
export async function startServer(config: Config, deps: ServerDeps): Promise<RunningServer> {
  const { store, accounts, activity, inbox, versions, logger } = deps;
  const now = deps.now ?? Date.now;
  // Read when scraped: the endpoint and registry below exist by then.
  const metrics = createMetrics({
    connections: () => collab.connectionCount(),
    draftsLoaded: () => registry.size,
  });
  const log = new UpdateLog(store, metrics.collab);
  // The registry calls the clearance watcher, whose commands use the registry:
  // `registry` is read through a getter, only once the server runs.
  const annotations: AnnotationDeps = {
    get registry() {
      return registry;
    },
    activity,
    inbox,
    accounts,
    now,
    logger,
  };
  const clearance = new ClearanceWatcher(annotations, deps.fanout?.clearanceLock);
  const versionDeps: VersionDeps = {
    get registry() {
      return registry;
    },
    versions,
    activity,
    now,
    logger,
    checkpointAfterMs: config.checkpointAfterMs,
  };
  const versionWatcher = new VersionWatcher(versionDeps);
  const registry = new RoomRegistry({
    store,
    log,
    logger,
    onCopyChanged: (room, author) => {
      clearance.copyChanged(room, author);
      versionWatcher.copyChanged(room, author);
    },
    onLastLeave: versionWatcher.lastLeft,
    isCopyLocked: (room) => isDeskLocked(room.doc),
    broadcaster: deps.fanout?.broadcaster,
    metrics: metrics.collab,
    compactionLock: deps.fanout?.compactionLock,
    limits: {
      maxUpdateBytes: config.maxMessageBytes,
      // A stock provider re-sends every state it hears, so one message can carry everyone in a busy draft.
      maxAwarenessEntries: 1000,
      maxAwarenessStateChars: 16 * 1024,
      maxAwarenessPerSecond: config.maxAwarenessPerSecond,
      compactAfterUpdates: config.compactAfterUpdates,
    },
  });
  const presence = (deps.fanout?.presence ?? localPresenceDirectory)(() => registry.peopleOfRooms());
  const authenticator = createAuthenticator({
    accounts,
    sessionSecret: deps.sessionSecret,
    sessionTtlMs: config.sessionTtlMs,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
    now,
  });
  const app = createApp({
    store,
    accounts,
    activity,
    inbox,
    annotations,
    versionDeps,
    authenticator,
    signIn: createSignIn(accounts, config.signInLimits, now, deps.fanout?.signInFailures),
    sessionSecret: deps.sessionSecret,
    sessionTtlMs: config.sessionTtlMs,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    now,
    logger,
    staticDir: config.staticDir,
    maxImportBytes: config.maxImportBytes,
    maxJsonBodyBytes: config.maxJsonBodyBytes,
    ops: {
      checkReadiness: async () => {
        const checks: Record<string, boolean> = {
          database: await answerWithin(
            store.countDrafts().then(
              () => true,
              () => false,
            ),
            READINESS_TIMEOUT_MS,
            false,
          ),
        };
        if (deps.fanout) checks.redis = deps.fanout.broadcaster.isConnected();
        return checks;
      },
      renderMetrics: metrics.render,
      metricsContentType: metrics.contentType,
    },
    presentIn: (draftIds) => presence.presentIn(draftIds),
  });
  const collab = createCollabEndpoint({
    registry,
    logger,
    maxMessageBytes: config.maxMessageBytes,
    maxBufferedBytes: config.maxBufferedBytes,
    heartbeatMs: config.heartbeatMs,
    authenticate: (request) => authenticator.authenticateUpgrade(request),
    isCredentialValid: (credential) => authenticator.isCredentialValid(credential),
    isOriginAllowed: (request) => authenticator.isUpgradeOriginAllowed(request),
    revalidateMs: config.credentialRecheckMs,
  });

  const sweep = setInterval(() => {
    accounts.deleteExpiredSessions(now()).catch((error: unknown) => {
      logger.error({ err: error }, 'sweeping expired sessions failed');
    });
  }, SWEEP_SESSIONS_EVERY_MS);
  sweep.unref();

  warmUpSyncPaths();
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
  await warmUpEndpoint(port, config.host);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(sweep);
      collab.close();
      await clearance.close();
      await versionWatcher.close();
      await presence.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await registry.closeAll(CLOSE_CODES.goingAway, 'server is shutting down');
      server.closeAllConnections();
      await stopped;
    })();
    return closing;
  };

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { port, url: `http://${host}:${port}`, registry, authenticator, close };
}
