import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessEntries } from '../../../server/collab/awarenessGate.ts';
import { encodeAwarenessFrame, encodeSyncStep1, encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { appendParagraph, openRawSocket, type RawSocket } from '../../support/collabClient.ts';
import { soakOr } from '../../support/seededRandom.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/**
 * Leak test (CS11): 1,000 connections over 200 drafts (each syncs, publishes
 * a caret, one in five writes a paragraph), then all of them close. After
 * the rooms unload and a full GC, the process is back within 10% of where it
 * stood after a warm-up round of the same load, and the registry holds no
 * room and no connection. The server runs in this process so its registry can be read; the
 * vitest worker has no --expose-gc, so gc is switched on through V8's flags.
 */
const CONNECTIONS = 1_000;
const DRAFTS = 200;
const BATCH = 100;
const ROUNDS = soakOr(1, 5);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function settle(): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage();
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

describe('no leak after a load of connections goes away', () => {
  let server: TestServer;
  let token: string;
  const base = emptyDraftState();
  const draftIds = Array.from({ length: DRAFTS }, (_, i) => `leak-${i}`);

  beforeAll(async () => {
    server = await startTestServer({ env: { HEARTBEAT_MS: '60000' } });
    for (const id of draftIds) await server.store.createDraft({ id, title: id, state: base });
    token = await server.tokenFor('editor');
  });
  afterAll(async () => {
    await server?.dispose();
  });

  /** A new paragraph at the end of the body, by a new client, valid on any later state of the draft. */
  function paragraph(text: string): Uint8Array {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const before = Y.encodeStateVector(doc);
    appendParagraph(doc, text);
    const update = Y.encodeStateAsUpdate(doc, before);
    doc.destroy();
    return update;
  }

  /** Opens CONNECTIONS sockets in batches, each synced; resolves once all are open. */
  async function load(): Promise<RawSocket[]> {
    const sockets: RawSocket[] = [];
    for (let start = 0; start < CONNECTIONS; start += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, j) => start + j).map(async (i) => {
        const raw = openRawSocket(`${server.collabUrl}/${draftIds[i % DRAFTS]}?token=${encodeURIComponent(token)}`);
        sockets.push(raw);
        await raw.opened;
        await waitFor(() => raw.received.length > 0, 'the greeting');
        const seen = raw.received.length;
        raw.socket.send(encodeAwarenessFrame(encodeAwarenessEntries([{ clientId: 10_000 + i, clock: 1, state: { cursor: { at: i } } }])));
        if (i % 5 === 0) raw.socket.send(encodeUpdateFrame(paragraph(`connection ${i}`)));
        raw.socket.send(encodeSyncStep1(Uint8Array.of(0)));
        await waitFor(() => raw.received.slice(seen).some((f) => f[0] === 0 && f[1] === 1), 'the sync answer');
      });
      await Promise.all(batch);
    }
    return sockets;
  }

  async function unload(sockets: RawSocket[]): Promise<void> {
    for (const raw of sockets) raw.socket.close();
    await Promise.all(sockets.map((raw) => raw.closed));
    // The test's own side: drop what the sockets received and the sockets themselves.
    for (const raw of sockets) raw.received.length = 0;
    sockets.length = 0;
    await waitFor(() => server.server.registry.size === 0, 'every room to unload', 20_000);
    await waitFor(async () => (await openConnections()) === 0, 'every connection to leave the endpoint');
  }

  /** The endpoint's own count of open connections, as /metrics reports it. */
  async function openConnections(): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('copydesk_connections '));
    if (!line) throw new Error('/metrics has no copydesk_connections');
    return Number(line.slice('copydesk_connections '.length));
  }

  it('[CS11] returns within 10% of its memory after 1,000 connections over 200 drafts come and go', async () => {
    // Warm-up: code paths compiled, pools and caches at their working size.
    await unload(await load());
    const before = await settle();
    let peak = before;
    for (let round = 0; round < ROUNDS; round++) {
      const sockets = await load();
      const now = process.memoryUsage();
      if (now.rss > peak.rss) peak = now;
      expect(server.server.registry.size).toBe(DRAFTS);
      expect(await openConnections()).toBe(CONNECTIONS);
      await unload(sockets);
    }
    // The checkpoint taken when a draft's last person leaves polls every 500 ms and may load the
    // draft again for a moment after its room unloaded; such rooms go once it is taken.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await waitFor(() => server.server.registry.size === 0, 'the rooms loaded for last-leave checkpoints to unload', 20_000);
    const after = await settle();
    console.log(
      `[hardening] leak: ${ROUNDS} round(s) of ${CONNECTIONS} connections over ${DRAFTS} drafts; ` +
        `RSS before ${mib(before.rss)}, peak ${mib(peak.rss)}, after ${mib(after.rss)}; ` +
        `heap before ${mib(before.heapUsed)}, after ${mib(after.heapUsed)}; rooms after: ${server.server.registry.size}`,
    );
    expect(server.server.registry.size).toBe(0);
    expect(after.rss).toBeLessThanOrEqual(before.rss * 1.1);
    expect(after.heapUsed).toBeLessThanOrEqual(before.heapUsed * 1.1);
  }, soakOr(55_000, 300_000));
});
