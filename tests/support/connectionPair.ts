import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection } from '../../server/collab/Connection.ts';

export interface ConnectionPair {
  /** The server side, wrapped as the collab endpoint wraps it. */
  connection: Connection;
  /** The server side's TCP socket, which `ws` and `Connection.sendFramed` write to. */
  serverSocket: Socket;
  /** What the client has received so far, one entry per message, in order. */
  received: Array<{ data: Buffer; isBinary: boolean }>;
  close: () => Promise<void>;
}

/** A real WebSocket over loopback, with the same options as the collab endpoint (no compression). */
export async function connectPair(options: { maxBufferedBytes?: number } = {}): Promise<ConnectionPair> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  let connection!: Connection;
  let serverSocket!: Socket;
  const accepted = new Promise<void>((resolve) => {
    http.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => {
        serverSocket = socket as Socket;
        connection = new Connection(
          ws,
          socket,
          {
            id: 'c1',
            draftId: 'draft-1',
            wantsAck: false,
            principal: { accountId: 'a1', username: 'editor', displayName: 'Editor', role: 'editor', credential: { kind: 'token', id: 't1' } },
          },
          { maxQueuedFrames: 10, maxFrameBytes: 1 << 20, maxBufferedBytes: options.maxBufferedBytes ?? 1 << 20, open: new Set() },
        );
        resolve();
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
  const received: ConnectionPair['received'] = [];
  client.on('message', (data: Buffer, isBinary: boolean) => received.push({ data, isBinary }));
  await Promise.all([accepted, new Promise((resolve) => client.once('open', resolve))]);
  return {
    connection,
    serverSocket,
    received,
    close: async () => {
      client.terminate();
      connection.terminate();
      wss.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
