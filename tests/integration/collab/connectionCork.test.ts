import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection } from '../../../server/collab/Connection.ts';
import { waitFor } from '../../support/waitFor.ts';

/** A real WebSocket over loopback, its server side wrapped in a Connection as the collab endpoint does. */
async function connectPair(): Promise<{ connection: Connection; received: string[]; close: () => Promise<void> }> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  let connection!: Connection;
  const accepted = new Promise<void>((resolve) => {
    http.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => {
        connection = new Connection(
          ws,
          socket,
          {
            id: 'c1',
            draftId: 'draft-1',
            wantsAck: false,
            principal: { accountId: 'a1', username: 'editor', displayName: 'Editor', role: 'editor', credential: { kind: 'token', id: 't1' } },
          },
          { maxQueuedFrames: 10, maxFrameBytes: 1 << 20, maxBufferedBytes: 1 << 20, open: new Set() },
        );
        resolve();
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (data: Buffer) => received.push(data.toString()));
  await Promise.all([accepted, new Promise((resolve) => client.once('open', resolve))]);
  return {
    connection,
    received,
    close: async () => {
      client.terminate();
      connection.terminate();
      wss.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

describe('a connection holding frames for one write', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('sends nothing while corked, then every held frame, in order, once uncorked', async () => {
    const pair = await connectPair();
    close = pair.close;
    pair.connection.cork();
    for (const text of ['one', 'two', 'three']) pair.connection.send(new TextEncoder().encode(text));
    // Long enough for a frame written at once to cross loopback.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pair.received).toEqual([]);

    pair.connection.uncork();
    await waitFor(() => pair.received.length === 3, 'the held frames');
    expect(pair.received).toEqual(['one', 'two', 'three']);
  });

  it('nests: frames go out when the outermost hold ends', async () => {
    const pair = await connectPair();
    close = pair.close;
    pair.connection.cork();
    pair.connection.cork();
    pair.connection.send(new TextEncoder().encode('held'));
    pair.connection.uncork();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pair.received).toEqual([]);

    pair.connection.uncork();
    await waitFor(() => pair.received.length === 1, 'the held frame');
  });
});
