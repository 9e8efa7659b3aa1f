import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { DRAFT_ID_PATTERN } from '../../shared/api/drafts.ts';
import { CLOSE_CODES } from '../../shared/protocol/closeCodes.ts';
import type { Logger } from '../logger.ts';
import { Connection } from './Connection.ts';
import type { RoomRegistry } from './RoomRegistry.ts';

export interface CollabUpgradeOptions {
  registry: RoomRegistry;
  logger: Logger;
  /** Messages up to this size are read; larger ones close the connection with 4413. */
  maxMessageBytes: number;
  maxBufferedBytes: number;
  heartbeatMs: number;
}

export const COLLAB_PATH_PREFIX = '/collab/';

export interface CollabEndpoint {
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Stops the heartbeat and refuses new sockets; existing ones are closed by the registry. */
  close: () => void;
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
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 2 });
  const connections = new Set<Connection>();
  let isClosing = false;

  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, options.heartbeatMs);
  heartbeat.unref();

  function accept(request: IncomingMessage, socket: Duplex, head: Buffer, draftId: string, wantsAck: boolean) {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new Connection(ws, {
        id: randomUUID(),
        draftId,
        wantsAck,
        maxQueuedFrames: 64,
        maxFrameBytes: options.maxMessageBytes,
        maxBufferedBytes: options.maxBufferedBytes,
      });
      const log = logger.child({ draftId, connectionId: connection.id });
      if (isClosing) {
        connection.close(CLOSE_CODES.goingAway, 'server is shutting down');
        return;
      }
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
      if (!DRAFT_ID_PATTERN.test(draftId)) {
        connection.close(CLOSE_CODES.draftNotFound, 'no such draft');
        return;
      }
      registry.join(connection).then(
        (found) => {
          if (!found) connection.close(CLOSE_CODES.draftNotFound, 'no such draft');
        },
        (error: unknown) => {
          log.error({ err: error }, 'draft failed to load');
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
      accept(request, socket, head, draftId, url.searchParams.get('ack') === '1');
    },
    close() {
      isClosing = true;
      clearInterval(heartbeat);
      wss.close();
    },
  };
}
