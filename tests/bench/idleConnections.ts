import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { newDraftId } from '../../server/drafts/draftId.ts';
import { emptyDraftState } from '../../server/drafts/importDraft.ts';
import { tokenInDataDir } from '../support/testServer.ts';
import { readRssMiB, spawnBenchServer, spawnHocuspocus, spawnReferenceServer, type BenchServer } from './fanout.ts';
import { connectRaw, rawTarget, type RawTarget } from './rawClient.ts';

/**
 * Idle connections (scenario 3): N raw `ws` sockets over D drafts, each
 * speaking only the minimal y-websocket protocol (send sync step 1 with an
 * empty state vector, count the connection synced on the first sync step 2
 * that comes back), then left idle. Providers would make the generator, not
 * the server, the limit. Memory is the server's RSS delta over its idle
 * baseline, measured after the connections settle: per connection (whole
 * delta / N) and per draft (the delta of the first pass, one connection to
 * each draft, / D).
 */
export interface IdleOptions {
  target: 'copydesk' | 'reference' | 'hocuspocus';
  drafts: number;
  connections: number;
  /** RSS samples (0.5 s apart) after each phase, the lowest kept; fewer for a smoke run. Default 6. */
  samples?: number;
}

export interface IdleResult {
  baselineRssMiB: number;
  /** RSS after one connection to each draft. */
  oneEachRssMiB: number;
  finalRssMiB: number;
  kibPerDraft: number;
  kibPerConnection: number;
  /** Of the connections beyond one per draft. */
  kibPerExtraConnection: number;
  /** From the first connect to the last sync step 2 received. */
  allSyncedMs: number;
  synced: number;
}

/** Opens `urls` with at most `parallel` handshakes at a time. */
async function connectAll(urls: RawTarget[], sockets: WebSocket[], parallel = 200): Promise<number> {
  let next = 0;
  let synced = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      sockets.push(await connectRaw(url));
      synced++;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return synced;
}

const settle = async (server: BenchServer, samples: number) => {
  // Let the server finish loading and collect garbage from the handshakes; take the lower of a few samples.
  let rss = Infinity;
  for (let i = 0; i < samples; i++) {
    await new Promise((r) => setTimeout(r, 500));
    rss = Math.min(rss, readRssMiB(server.child.pid!));
  }
  return rss;
};

export async function runIdleConnections(options: IdleOptions): Promise<IdleResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-idle-'));
  const sockets: WebSocket[] = [];
  let server: BenchServer | undefined;
  try {
    let urlOf: (draftId: string) => RawTarget;
    const draftIds: string[] = [];
    if (options.target === 'copydesk') {
      const token = await tokenInDataDir(dataDir, 'editor');
      const store = new SqliteDocumentStore(path.join(dataDir, 'copydesk.sqlite'));
      const state = emptyDraftState();
      for (let d = 0; d < options.drafts; d++) {
        const id = newDraftId();
        await store.createDraft({ id, title: `idle ${d}`, state });
        draftIds.push(id);
      }
      await store.close();
      server = await spawnBenchServer({ DATA_DIR: dataDir }, []);
      const port = server.port;
      urlOf = (id) => rawTarget('copydesk', port, id, token);
    } else if (options.target === 'reference') {
      for (let d = 0; d < options.drafts; d++) draftIds.push(`idle-${d}`);
      server = await spawnReferenceServer(dataDir);
      const port = server.port;
      urlOf = (id) => rawTarget('reference', port, id, '');
    } else {
      for (let d = 0; d < options.drafts; d++) draftIds.push(`idle-${d}`);
      server = await spawnHocuspocus(dataDir);
      const port = server.port;
      urlOf = (id) => rawTarget('hocuspocus', port, id, '');
    }
    const baselineRssMiB = await settle(server, options.samples ?? 6);
    const started = performance.now();
    let synced = await connectAll(draftIds.map(urlOf), sockets);
    const firstPassMs = performance.now() - started;
    const oneEachRssMiB = await settle(server, options.samples ?? 6);
    const extra = Array.from({ length: Math.max(0, options.connections - draftIds.length) }, (_, i) =>
      urlOf(draftIds[i % draftIds.length]!),
    );
    const secondStarted = performance.now();
    synced += await connectAll(extra, sockets);
    const allSyncedMs = firstPassMs + (performance.now() - secondStarted);
    const finalRssMiB = await settle(server, options.samples ?? 6);
    const extraCount = Math.max(1, extra.length);
    return {
      baselineRssMiB,
      oneEachRssMiB,
      finalRssMiB,
      kibPerDraft: ((oneEachRssMiB - baselineRssMiB) * 1024) / draftIds.length,
      kibPerConnection: ((finalRssMiB - baselineRssMiB) * 1024) / sockets.length,
      kibPerExtraConnection: extra.length === 0 ? NaN : ((finalRssMiB - oneEachRssMiB) * 1024) / extraCount,
      allSyncedMs,
      synced,
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server!.child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
