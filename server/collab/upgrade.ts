import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { ACTIONS, can } from '../../shared/permissions/permissions.ts';
import { DRAFT_ID_PATTERN } from '../../shared/api/drafts.ts';
import { CLOSE_CODES } from '../../shared/protocol/closeCodes.ts';
import type { Credential, Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import { Connection, type ConnectionLimits } from './Connection.ts';
import type { RoomRegistry } from './RoomRegistry.ts';

export interface CollabUpgradeOptions {
  registry: RoomRegistry;
  logger: Logger;
  /** Messages up to this size are read; larger ones close the connection with 4413. */
  maxMessageBytes: number;
  maxBufferedBytes: number;
  heartbeatMs: number;
  /** Who is asking: the session cookie or `?token=` of the upgrade request; undefined when neither is valid. */
  authenticate: (request: IncomingMessage) => Promise<Principal | undefined>;
  /** Whether a credential still holds (not signed out, revoked, expired or disabled). */
  isCredentialValid: (credential: Credential) => Promise<boolean>;
  /** The upgrade's Origin is the server's own or allowed (stops cross-site WebSocket hijacking). */
  isOriginAllowed: (request: IncomingMessage) => boolean;
  /** How often open connections' credentials are checked again; a revoked one is closed within this time. */
  revalidateMs: number;
}

export const COLLAB_PATH_PREFIX = '/collab/';

/** An error listener that holds nothing: a closure in `handleUpgrade` would pin its request for the socket's life. */
function destroySocket(this: Duplex) {
  this.destroy();
}

export interface CollabEndpoint {
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Stops the heartbeat and refuses new sockets; existing ones are closed by the registry. */
  close: () => void;
  /** Open connections right now. */
  connectionCount: () => number;
}

/**
 * The live-sync endpoint at `/collab/<draftId>`. The socket is accepted, then
 * attached to its room once the draft has loaded (frames that arrive earlier
 * are held in order). Every refusal is a close code with a reason, so the
 * stock y-websocket provider can tell a permanent refusal from a transient one.
 */
export function createCollabEndpoint(options: CollabUpgradeOptions): CollabEndpoint {
  const { registry, logger } = options;
  // ws's own limit sits above ours so that a message between the two gets our
  // clear 4413 close rather than ws's generic 1009; far larger ones still stop at ws.
  // No per-message compression: rooms write pre-framed, uncompressed frames
  // straight to the socket (Connection.sendFramed), which relies on `ws`
  // writing its own frames synchronously, as it does without compression.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 2, perMessageDeflate: false });
  const connections = new Set<Connection>();
  const limits: ConnectionLimits = {
    maxQueuedFrames: 64,
    maxFrameBytes: options.maxMessageBytes,
    maxBufferedBytes: options.maxBufferedBytes,
    open: connections,
  };
  let isClosing = false;

  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, options.heartbeatMs);
  heartbeat.unref();

  // Open connections' credentials are checked again on a timer, one lookup per credential.
  const revalidate = setInterval(() => {
    const byCredential = new Map<string, Connection[]>();
    for (const connection of connections) {
      const { kind, id } = connection.principal.credential;
      const key = `${kind}:${id}`;
      byCredential.set(key, [...(byCredential.get(key) ?? []), connection]);
    }
    for (const group of byCredential.values()) {
      options.isCredentialValid(group[0]!.principal.credential).then(
        (isValid) => {
          if (!isValid) for (const c of group) c.close(CLOSE_CODES.unauthorized, 'your session has ended; sign in again');
        },
        (error: unknown) => logger.error({ err: error }, 'revalidating a credential failed'),
      );
    }
  }, options.revalidateMs);
  revalidate.unref();

  /** Completes the handshake only to say no: the close code is what a y-websocket client understands. */
  function refuseAfterUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string) {
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => ws.close(code, reason));
  }

  function accept(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    draftId: string,
    wantsAck: boolean,
    principal: Principal,
  ) {
    wss.handleUpgrade(request, socket, head, (ws) => {
      // ws handles the socket's errors from here on.
      socket.off('error', destroySocket);
      // What the closures below refer to stays alive as long as the socket:
      // the connection, not a per-connection logger or the upgrade request.
      // A flat 12-character string: randomUUID()'s is a chain of 14 string pieces (~0.5 KiB) kept per connection.
      const id = randomBytes(9).toString('base64url');
      const connection = new Connection(ws, socket, { id, draftId, wantsAck, principal }, limits);
      if (isClosing) {
        connection.close(CLOSE_CODES.goingAway, 'server is shutting down');
        return;
      }
      if (!DRAFT_ID_PATTERN.test(draftId)) {
        connection.close(CLOSE_CODES.draftNotFound, 'no such draft');
        return;
      }
      registry.join(connection).then(
        (found) => {
          if (!found) connection.close(CLOSE_CODES.draftNotFound, 'no such draft');
        },
        (error: unknown) => {
          logger.error({ err: error, draftId, connectionId: connection.id, accountId: principal.accountId }, 'draft failed to load');
          connection.close(CLOSE_CODES.draftUnavailable, 'the draft could not be loaded; try again later');
        },
      );
    });
  }

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(COLLAB_PATH_PREFIX)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      let draftId: string;
      try {
        draftId = decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length));
      } catch {
        draftId = '';
      }
      // A socket that dies while we check its credentials must not throw into the process.
      socket.on('error', destroySocket);
      if (!options.isOriginAllowed(request)) {
        refuseAfterUpgrade(request, socket, head, CLOSE_CODES.forbidden, 'this origin may not open the editor');
        return;
      }
      options.authenticate(request).then(
        (principal) => {
          if (!principal) {
            refuseAfterUpgrade(request, socket, head, CLOSE_CODES.unauthorized, 'sign in first');
          } else if (!can(principal.role, ACTIONS.readDrafts)) {
            refuseAfterUpgrade(request, socket, head, CLOSE_CODES.forbidden, 'this account may not read drafts');
          } else {
            accept(request, socket, head, draftId, url.searchParams.get('ack') === '1', principal);
          }
        },
        (error: unknown) => {
          logger.error({ err: error }, 'authenticating an upgrade failed');
          socket.destroy();
        },
      );
    },
    connectionCount: () => connections.size,
    close() {
      isClosing = true;
      clearInterval(heartbeat);
      clearInterval(revalidate);
      wss.close();
    },
  };
}
