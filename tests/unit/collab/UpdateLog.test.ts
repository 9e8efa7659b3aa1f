import { describe, expect, it } from 'vitest';
import { StaleAppendError, UpdateLog, type AppendWaiter } from '../../../server/collab/UpdateLog.ts';
import type { DocumentStore, UpdateToAppend } from '../../../server/storage/DocumentStore.ts';

/** Only appendUpdates is exercised; the rest of the store is never reached. */
function recordingStore(behaviour: (batch: readonly UpdateToAppend[], call: number) => Promise<number[]>) {
  const batches: UpdateToAppend[][] = [];
  const store = {
    appendUpdates: (batch: readonly UpdateToAppend[]) => {
      batches.push([...batch]);
      return behaviour(batch, batches.length);
    },
  } as unknown as DocumentStore;
  return { store, batches };
}

const bytes = (n: number) => Uint8Array.of(n);

describe('UpdateLog', () => {
  it('[CS4] writes every append of one tick in one batch, and settles them in order', async () => {
    let seq = 0;
    const { store, batches } = recordingStore(async (batch) => batch.map(() => ++seq));
    const log = new UpdateLog(store);
    const settled: number[] = [];
    const all = [1, 2, 3].map((n) => log.append('d', bytes(n)).then((s) => settled.push(s)));
    await Promise.all(all);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((e) => e.update[0])).toEqual([1, 2, 3]);
    expect(settled).toEqual([1, 2, 3]);
    expect(log.pending).toBe(0);
  });

  it('[CS4] gathers what arrives while a batch is being written into the next one (one commit in flight)', async () => {
    let seq = 0;
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => (release = resolve));
    const { store, batches } = recordingStore(async (batch, call) => {
      if (call === 1) await firstWrite;
      return batch.map(() => ++seq);
    });
    const log = new UpdateLog(store);
    const first = log.append('d', bytes(1));
    await new Promise(setImmediate);
    expect(batches).toHaveLength(1);
    // Three more ticks while the first write is slow.
    const later: Promise<number>[] = [];
    for (const n of [2, 3, 4]) {
      later.push(log.append('d', bytes(n)));
      await new Promise(setImmediate);
    }
    expect(batches).toHaveLength(1);
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches.map((batch) => batch.map((e) => e.update[0]))).toEqual([[1], [2, 3, 4]]);
    expect(log.pending).toBe(0);
  });

  it('[CS6] rejects a whole batch when the store fails', async () => {
    const { store } = recordingStore(async () => {
      throw new Error('disk full');
    });
    const log = new UpdateLog(store);
    const results = await Promise.allSettled([log.append('d', bytes(1)), log.append('d', bytes(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('[CS6] drops, unwritten, an append queued behind a failed batch once it is no longer wanted', async () => {
    let failed = false;
    const { store, batches } = recordingStore(async (batch, call) => {
      if (call === 1) {
        await new Promise((r) => setTimeout(r, 20));
        failed = true;
        throw new Error('disk full');
      }
      return batch.map((_, i) => i + 1);
    });
    const log = new UpdateLog(store);
    const first = log.append('d', bytes(1));
    // Next tick: a second batch queues behind the first, which is still being written.
    await new Promise((r) => setImmediate(r));
    const second = log.append('d', bytes(2), () => !failed);
    await expect(first).rejects.toThrow('disk full');
    await expect(second).rejects.toBeInstanceOf(StaleAppendError);
    expect(batches.flat().map((e) => e.update[0])).toEqual([1]);
    await log.drain();
    expect(log.pending).toBe(0);
  });

  it('[CS4] tells every waiter of a batch, and goes on to the next batch, when one waiter throws', async () => {
    let seq = 0;
    const { store, batches } = recordingStore(async (batch) => batch.map(() => ++seq));
    const log = new UpdateLog(store);
    const told: string[] = [];
    const waiter = (n: number, throws = false): AppendWaiter => ({
      draftId: 'd',
      update: bytes(n),
      isStillWanted: () => true,
      stored: (s) => {
        told.push(`${n} stored as ${s}`);
        if (throws) throw new Error(`waiter ${n} broke`);
      },
      failed: () => told.push(`${n} failed`),
    });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    // The waiter's own error is thrown again on its own; catch it here rather than fail the run.
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
    try {
      log.enqueue(waiter(1));
      log.enqueue(waiter(2, true));
      log.enqueue(waiter(3));
      await log.drain();
      log.enqueue(waiter(4));
      await log.drain();
      await new Promise(setImmediate);
    } finally {
      process.off('uncaughtException', onUncaught);
      for (const listener of listeners) process.on('uncaughtException', listener);
    }
    expect(told).toEqual(['1 stored as 1', '2 stored as 2', '3 stored as 3', '4 stored as 4']);
    expect(batches.map((batch) => batch.length)).toEqual([3, 1]);
    expect(uncaught.map((error) => (error as Error).message)).toEqual(['waiter 2 broke']);
    expect(log.pending).toBe(0);
  });
});
