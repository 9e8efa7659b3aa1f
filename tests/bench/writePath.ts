import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { DocumentStore } from '../../server/storage/DocumentStore.ts';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.ts';
import { newDraftId } from '../../server/drafts/draftId.ts';
import { emptyDraftState } from '../../server/drafts/importDraft.ts';
import { createTestSchema, findPostgresUnavailable } from '../support/postgres.ts';

/**
 * Write path (scenario 5): the storage layer on its own, driven as the
 * server's UpdateLog drives it — one `appendUpdates` transaction per batch of
 * small single-keystroke updates spread over several drafts, one batch after
 * another. Reports committed updates per second and the latency of one batch
 * append, which is what write-before-relay adds to every update.
 */
export interface WritePathOptions {
  backend: 'sqlite-full' | 'sqlite-normal' | 'postgres';
  /** Updates per appendUpdates call (the server batches one event-loop tick). */
  batchSize: number;
  /** Drafts the updates of a batch are spread over. */
  drafts: number;
  seconds: number;
}

export interface WritePathResult {
  batches: number;
  updatesPerSecond: number;
  batchP50Ms: number;
  batchP99Ms: number;
  batchMaxMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Typical one-character updates, one writer per draft, as a client would send them. */
function keystrokeUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getXmlFragment('body').push([paragraph]);
  for (let i = 0; i < count; i++) text.insert(text.length, 'x');
  doc.destroy();
  return updates;
}

/** Returns undefined (and says why) when the backend is not available here. */
export async function runWritePath(options: WritePathOptions): Promise<WritePathResult | undefined> {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  if (options.backend === 'postgres') {
    const unavailable = await findPostgresUnavailable('write path bench');
    if (unavailable !== undefined) return undefined;
    const schema = await createTestSchema();
    store = new PostgresDocumentStore(await schema.openPool());
    cleanup = () => schema.drop();
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-write-'));
    store = new SqliteDocumentStore(path.join(dir, 'copydesk.sqlite'), {
      synchronous: options.backend === 'sqlite-full' ? 'FULL' : 'NORMAL',
    });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    const draftIds: string[] = [];
    for (let d = 0; d < options.drafts; d++) {
      const id = newDraftId();
      await store.createDraft({ id, title: `bench ${d}`, state: emptyDraftState() });
      draftIds.push(id);
    }
    const pool = keystrokeUpdates(2000);
    const latencies: number[] = [];
    let updates = 0;
    let next = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    while (performance.now() < deadline) {
      const batch = [];
      for (let i = 0; i < options.batchSize; i++) {
        batch.push({ draftId: draftIds[(next + i) % draftIds.length]!, update: pool[(next + i) % pool.length]! });
      }
      next += options.batchSize;
      const t0 = performance.now();
      await store.appendUpdates(batch);
      latencies.push(performance.now() - t0);
      updates += batch.length;
    }
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      batches: latencies.length,
      updatesPerSecond: updates / elapsed,
      batchP50Ms: percentile(latencies, 50),
      batchP99Ms: percentile(latencies, 99),
      batchMaxMs: latencies[latencies.length - 1] ?? NaN,
    };
  } finally {
    await store.close();
    await cleanup();
  }
}
