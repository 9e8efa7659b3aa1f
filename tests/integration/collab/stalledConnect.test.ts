import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closeStalledConnects } from '../../../client/editor/collab/closeStalledConnects.ts';
import { appendParagraph, bodyString, connectClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const STALL_TIMEOUT_MS = 500;

/**
 * A network that takes a connection and never answers: the first connection
 * through this proxy is held open and silent; later ones reach the server.
 * The editor's provider gives up on the silent attempt and tries again, so
 * what was typed meanwhile is stored within seconds, not when the browser's
 * own timeout (minutes) would end the attempt.
 */
describe('a connection attempt that never answers', () => {
  let server: TestServer;
  let proxy: net.Server;
  let proxyPort = 0;
  const held: net.Socket[] = [];
  let connectionsSeen = 0;

  beforeAll(async () => {
    server = await startTestServer();
    const serverPort = Number(new URL(server.url).port);
    proxy = net.createServer((socket) => {
      connectionsSeen++;
      if (connectionsSeen === 1) {
        held.push(socket);
        return;
      }
      const upstream = net.connect(serverPort, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      const end = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyPort = (proxy.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => proxy.close(resolve));
    await server.dispose();
  });

  it('is dropped and tried again, and what was typed meanwhile is stored', async () => {
    const draftId = await server.createDraftAs('editor', 'Night desk');
    const token = await server.tokenFor('editor');
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${proxyPort}/collab`, draftId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: false,
      maxBackoffTime: 200,
      params: { token },
    });
    const stop = closeStalledConnects(provider, STALL_TIMEOUT_MS);
    try {
      provider.connect();
      await waitFor(() => held.length === 1, 'the first attempt to reach the silent network');
      appendParagraph(doc, 'Filed while the hotel Wi-Fi hung');

      await waitFor(() => provider.synced, 'the provider to connect on a later attempt');
      expect(connectionsSeen).toBeGreaterThanOrEqual(2);
      const reader = connectClient(server.collabUrl, draftId, { token: await server.tokenFor('legal') });
      try {
        await waitFor(() => bodyString(reader.doc).includes('Filed while the hotel Wi-Fi hung'), 'the words to be stored and read back');
      } finally {
        reader.destroy();
      }
    } finally {
      stop();
      provider.destroy();
      doc.destroy();
    }
  });
});
