import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { newDraftId } from '../../server/drafts/draftId.ts';
import { emptyDraftState } from '../../server/drafts/importDraft.ts';
import { findLiveToken } from '../../server/auth/tokens.ts';
import { openSqliteDatabase } from '../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from '../../server/storage/sqlite/SqliteAccountStore.ts';
import { tokenInDataDir } from '../support/testServer.ts';
import {
  connectBenchClient,
  spawnBenchServer,
  spawnHocuspocus,
  spawnReferenceServer,
  readCpuMs,
  type BenchServer,
} from './fanout.ts';

/**
 * Cold load (scenario 4): a draft built by E small edits (C characters each),
 * the server restarted, then one new client: the time from its connect to
 * holding every edit, and the bytes stored for the draft.
 *
 * Copydesk: the edits are written straight into the SQLite store with the
 * server's own DocumentStore before the server starts, once as the server
 * would have stored them (batches of 500, compacted every 500 updates, the
 * COMPACT_AFTER_UPDATES default) and once never compacted (every edit its own
 * update; then again after the server has compacted it on the client
 * leaving). The peers are given the edits by a real client of theirs, one
 * update per edit (the time they take to relay the burst to a second client
 * is reported too), then restarted.
 */
export interface ColdLoadOptions {
  target: 'copydesk' | 'reference' | 'hocuspocus';
  edits: number;
  charsPerEdit: number;
  /** Copydesk: edits of the never-compacted draft (default `edits`); its load grows faster than linearly. */
  uncompactedEdits?: number;
  /** Extra arguments for Copydesk's node (e.g. --cpu-prof to profile the load). */
  nodeArgs?: string[];
}

export interface ColdLoadRow {
  /** Which state was loaded: 'uncompacted' or 'compacted' (Copydesk), 'as stored' (peers). */
  stage: string;
  /** From the new client's connect to it holding the last edit. */
  syncMs: number;
  /** Bytes stored for the draft (Copydesk: snapshot + updates; peers: their database files). */
  storedBytes: number;
  /** The peer's own "synced" signal, when it came before the content. */
  saidSyncedMs?: number;
  /** Burst rows: the median of further restarts, each timing one new client (the draft has been loaded once by then). */
  laterSyncMs?: number;
  /** Time the server took to relay a burst of the edits from one client to a second one (burst rows). */
  burstMs?: number;
  /** Server CPU (user + system) spent from the burst's start until the second client had it all. */
  burstCpuMs?: number;
}

/** The edits one client makes: each a transaction inserting `chars` characters at the end of its paragraph. */
function buildEdits(base: Uint8Array | null, edits: number, chars: number): { updates: Uint8Array[]; clientId: number; clock: number } {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getXmlFragment('body').push([paragraph]);
  const chunk = 'abcdefghij'.slice(0, chars);
  for (let i = 0; i < edits; i++) text.insert(text.length, chunk);
  const result = { updates, clientId: doc.clientID, clock: Y.getState(doc.store, doc.clientID) };
  doc.destroy();
  return result;
}

async function stop(server: BenchServer): Promise<void> {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
}

/** Connects a new client and resolves with the time until it holds clock `clock` of `clientId`. */
/** Restarts timed after the first one, for the row every server has (the draft as stored after the burst). */
export const LATER_COLD_STARTS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timeSync(
  target: ColdLoadOptions['target'],
  port: number,
  draftId: string,
  token: string,
  clientId: number,
  clock: number,
): Promise<{ syncMs: number; saidSyncedMs: number }> {
  const doc = new Y.Doc();
  const started = performance.now();
  const client = connectBenchClient(target, port, draftId, doc, token);
  let saidSyncedMs = NaN;
  void client.whenSynced.then(() => (saidSyncedMs = performance.now() - started));
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`cold load of ${target} did not complete in 180 s`)), 180_000);
    const check = () => {
      if (Y.getState(doc.store, clientId) >= clock) {
        clearTimeout(timeout);
        resolve();
      }
    };
    doc.on('update', check);
    check();
  });
  const syncMs = performance.now() - started;
  await client.whenSynced;
  client.destroy();
  doc.destroy();
  return { syncMs, saidSyncedMs };
}

/**
 * Waits until the process has used no CPU for a second. The reference server
 * stores each update after relaying it, one LevelDB write at a time: on a
 * slow machine it is still writing the burst seconds after the last client
 * left, and stopping it then loses the end of the draft (the restarted server
 * never reaches the last edit). Bounded, so a server that never settles still
 * gets its row, timed on what it had stored.
 */
async function untilIdle(pid: number, quietMs = 1000, giveUpMs = 60_000): Promise<void> {
  const deadline = performance.now() + giveUpMs;
  let last = readCpuMs(pid);
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = readCpuMs(pid);
    if (now === last) return;
    last = now;
  }
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function storedBytesOf(store: SqliteDocumentStore, draftId: string): Promise<number> {
  const state = await store.loadDraftState(draftId);
  if (!state) throw new Error(`no draft ${draftId}`);
  return (state.snapshot?.byteLength ?? 0) + state.updates.reduce((sum, u) => sum + u.byteLength, 0);
}

export async function runColdLoad(options: ColdLoadOptions): Promise<ColdLoadRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-cold-'));
  try {
    return options.target === 'copydesk' ? await coldLoadCopydesk(dataDir, options) : await coldLoadPeer(dataDir, options);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function coldLoadCopydesk(dataDir: string, options: ColdLoadOptions): Promise<ColdLoadRow[]> {
  const token = await tokenInDataDir(dataDir, 'editor');
  const dbFile = path.join(dataDir, 'copydesk.sqlite');
  {
    // A returning reader's credential: its first use (a one-time "last used" write) is not part of loading a draft.
    const db = openSqliteDatabase(dbFile);
    await findLiveToken(new SqliteAccountStore(db), token, Date.now(), { touch: true });
    db.close();
  }
  const initial = emptyDraftState();
  // The bench's own connection is closed while the server runs (it kept the server from serving the draft).
  let store = new SqliteDocumentStore(dbFile);
  const rows: ColdLoadRow[] = [];
  const pendingOf = async (draftId: string) => {
    const peek = new SqliteDocumentStore(dbFile);
    try {
      return await peek.countPendingUpdates(draftId);
    } finally {
      await peek.close();
    }
  };
  /** Restarts the server and times one new client of `draftId`. */
  const measure = async (draftId: string, clientId: number, clock: number) => {
    await store.close();
    const server = await spawnBenchServer({ DATA_DIR: dataDir }, options.nodeArgs ?? []);
    try {
      return (await timeSync('copydesk', server.port, draftId, token, clientId, clock)).syncMs;
    } finally {
      // Leave the server time to compact the draft its client has left.
      const deadline = performance.now() + 20_000;
      while ((await pendingOf(draftId)) > 0 && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      await stop(server);
      store = new SqliteDocumentStore(dbFile);
    }
  };
  try {
    // As the server stores it: appended in batches, compacted every COMPACT_AFTER_UPDATES (500).
    {
      const draftId = newDraftId();
      await store.createDraft({ id: draftId, title: 'cold load bench, compacted', state: initial });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, initial);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      let updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.getXmlFragment('body').push([paragraph]);
      const chunk = 'abcdefghij'.slice(0, options.charsPerEdit);
      for (let i = 0; i < options.edits; i++) {
        text.insert(text.length, chunk);
        if (updates.length >= 500 || i === options.edits - 1) {
          const seqs = await store.appendUpdates(updates.map((update) => ({ draftId, update })));
          updates = [];
          await store.compactDraft(draftId, Y.encodeStateAsUpdate(doc), seqs[seqs.length - 1]!);
        }
      }
      const bytes = await storedBytesOf(store, draftId);
      const syncMs = await measure(draftId, doc.clientID, Y.getState(doc.store, doc.clientID));
      rows.push({ stage: `${options.edits} edits, compacted every 500 as the server does`, syncMs, storedBytes: bytes });
      doc.destroy();
    }
    // Never compacted: every edit its own stored update, then again after the server has compacted it.
    const uncompacted = options.uncompactedEdits ?? options.edits;
    {
      const draftId = newDraftId();
      await store.createDraft({ id: draftId, title: 'cold load bench, uncompacted', state: initial });
      const built = buildEdits(initial, uncompacted, options.charsPerEdit);
      for (let i = 0; i < built.updates.length; i += 500) {
        await store.appendUpdates(built.updates.slice(i, i + 500).map((update) => ({ draftId, update })));
      }
      const bytes = await storedBytesOf(store, draftId);
      const syncMs = await measure(draftId, built.clientId, built.clock);
      rows.push({ stage: `${uncompacted} edits, never compacted (${built.updates.length} updates)`, syncMs, storedBytes: bytes });
      const compactedBytes = await storedBytesOf(store, draftId);
      const left = await store.countPendingUpdates(draftId);
      const again = await measure(draftId, built.clientId, built.clock);
      rows.push({ stage: `the same after the server compacted it (${left} updates left)`, syncMs: again, storedBytes: compactedBytes });
    }
    // Like the peers: the edits sent live by a real client, one update each, then a restart.
    await store.close();
    try {
      const burst = await burstThenColdLoad(
        'copydesk',
        () => spawnBenchServer({ DATA_DIR: dataDir }, options.nodeArgs ?? []),
        async (server) => {
          const res = await fetch(`http://127.0.0.1:${server.port}/api/docs`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
          return ((await res.json()) as { draft: { id: string } }).draft.id;
        },
        token,
        options,
        // The server compacts a draft when its last client leaves.
        1_000,
        async (draftId) => {
          const peek = new SqliteDocumentStore(dbFile);
          try {
            return await storedBytesOf(peek, draftId);
          } finally {
            await peek.close();
          }
        },
      );
      rows.push(burst);
    } finally {
      store = new SqliteDocumentStore(dbFile);
    }
    return rows;
  } finally {
    await store.close();
  }
}

async function coldLoadPeer(dataDir: string, options: ColdLoadOptions): Promise<ColdLoadRow[]> {
  const target = options.target;
  const spawn = () => (target === 'reference' ? spawnReferenceServer(dataDir) : spawnHocuspocus(dataDir));
  // Hocuspocus stores on a debounce (at most 10 s); the reference server when the last client leaves.
  const settleMs = target === 'hocuspocus' ? 11_000 : 3_000;
  return [await burstThenColdLoad(target, spawn, async () => 'bench-cold-load', '', options, settleMs, async () => bytesUnder(dataDir))];
}

/**
 * One real client of the server makes the edits, one per update, while a
 * second one times their arrival (the burst is absorbed when it has them
 * all); after `settleMs`, and once the server has stopped working (the peers
 * store after relaying), it is restarted and a new client timed.
 */
async function burstThenColdLoad(
  target: ColdLoadOptions['target'],
  spawn: () => Promise<BenchServer>,
  makeDraft: (server: BenchServer) => Promise<string>,
  token: string,
  options: ColdLoadOptions,
  settleMs: number,
  storedBytes: (draftId: string) => Promise<number>,
): Promise<ColdLoadRow> {
  let server = await spawn();
  const draftId = await makeDraft(server);
  const writerDoc = new Y.Doc();
  const writer = connectBenchClient(target, server.port, draftId, writerDoc, token);
  const observerDoc = new Y.Doc();
  const observer = connectBenchClient(target, server.port, draftId, observerDoc, token);
  await Promise.all([writer.whenSynced, observer.whenSynced]);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  writerDoc.getXmlFragment('body').push([paragraph]);
  const chunk = 'abcdefghij'.slice(0, options.charsPerEdit);
  const cpuBefore = readCpuMs(server.child.pid!);
  const burstStarted = performance.now();
  for (let i = 0; i < options.edits; i++) text.insert(text.length, chunk);
  const clock = Y.getState(writerDoc.store, writerDoc.clientID);
  await new Promise<void>((resolve) => {
    const check = () => {
      if (Y.getState(observerDoc.store, writerDoc.clientID) >= clock) resolve();
    };
    observerDoc.on('update', check);
    check();
  });
  const burstMs = performance.now() - burstStarted;
  const burstCpuMs = readCpuMs(server.child.pid!) - cpuBefore;
  writer.destroy();
  observer.destroy();
  await new Promise((r) => setTimeout(r, settleMs));
  await untilIdle(server.child.pid!);
  await stop(server);
  const bytes = await storedBytes(draftId);
  // The first restart loads the draft as the burst left it. One connection to one fresh process
  // is a few milliseconds, which this machine's noise moves 2-4x, so further restarts are timed
  // too; by then each server has loaded the draft once (the reference stores it whole then).
  const restartAndTime = async () => {
    server = await spawn();
    const timed = await timeSync(target, server.port, draftId, token, writerDoc.clientID, clock);
    await stop(server);
    return timed;
  };
  const first = await restartAndTime();
  const later: number[] = [];
  for (let i = 0; i < LATER_COLD_STARTS; i++) later.push((await restartAndTime()).syncMs);
  writerDoc.destroy();
  observerDoc.destroy();
  return {
    stage: 'as stored after the burst',
    syncMs: first.syncMs,
    laterSyncMs: median(later),
    storedBytes: bytes,
    saidSyncedMs: first.saidSyncedMs,
    burstMs,
    burstCpuMs,
  };
}
