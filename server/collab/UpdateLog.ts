import type { ClientClaim, DocumentStore, UpdateToAppend } from '../storage/DocumentStore.ts';
import { noCollabMetrics, type CollabMetrics } from './CollabMetrics.ts';

/**
 * One append and whoever waits for it: the entry the store writes, asked
 * whether it is still wanted when its batch is written, then told how it
 * ended. A room hands its own object per update, so the per-update path
 * makes no promise and no closures (see `append` for the promise form).
 */
export interface AppendWaiter extends UpdateToAppend {
  isStillWanted(): boolean;
  stored(seq: number): void;
  failed(error: unknown): void;
}

const alwaysWanted = () => true;

/** The append was dropped unwritten because an update before it failed to store. */
export class StaleAppendError extends Error {
  override name = 'StaleAppendError';
  constructor() {
    super('dropped: an earlier update of this draft failed to store');
  }
}

/**
 * Appends updates to the store, grouping appends (across all rooms) into one
 * transaction: those made in one tick of the event loop, and, while a batch
 * is being written, everything that arrives until it is done (group commit:
 * the slower the disk, the larger the batches, never more than one commit in
 * flight). Batches commit one after another, so appends settle in the order
 * they were made: a room that applies each update when its append settles
 * applies them in arrival order.
 */
export class UpdateLog {
  private queued: AppendWaiter[] = [];
  private isScheduled = false;
  private isWriting = false;
  private inFlight: Promise<void> = Promise.resolve();
  private pendingCount = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly metrics: CollabMetrics = noCollabMetrics,
  ) {}

  /**
   * Resolves with the update's sequence number once durable; rejects if its
   * batch failed, or with StaleAppendError without writing when
   * `isStillWanted` says no at the moment its batch is written (an earlier
   * update it may build on failed to store). `claims` are stored with it.
   */
  append(
    draftId: string,
    update: Uint8Array,
    isStillWanted: () => boolean = alwaysWanted,
    claims?: readonly ClientClaim[],
  ): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.enqueue(
        claims
          ? { draftId, update, claims, isStillWanted, stored: resolve, failed: reject }
          : { draftId, update, isStillWanted, stored: resolve, failed: reject },
      );
    });
  }

  /** Like `append`, with the outcome told to `waiter`, which is also the entry written. */
  enqueue(waiter: AppendWaiter): void {
    this.pendingCount++;
    this.queued.push(waiter);
    if (!this.isScheduled) {
      this.isScheduled = true;
      // setImmediate runs after the I/O callbacks of this tick: every frame
      // that arrived in this poll phase joins the batch.
      setImmediate(() => this.flush());
    }
  }

  /** Appends not yet settled. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Resolves when everything appended so far has settled (used at shutdown). */
  async drain(): Promise<void> {
    while (this.pendingCount > 0) await this.inFlight.then(() => new Promise(setImmediate));
  }

  private flush(): void {
    this.isScheduled = false;
    // The batch being written picks these up when it is done.
    if (this.isWriting) return;
    const batch = this.queued;
    this.queued = [];
    this.isWriting = true;
    this.inFlight = this.inFlight.then(async () => {
      // Decided now, not when queued: a batch ahead of this one may just have failed.
      const wanted: AppendWaiter[] = [];
      for (const entry of batch) {
        if (entry.isStillWanted()) wanted.push(entry);
        else tellFailed(entry, new StaleAppendError());
      }
      let seqs: number[] | undefined;
      let failure: unknown;
      try {
        const started = performance.now();
        seqs = await this.store.appendUpdates(wanted);
        if (wanted.length > 0) this.metrics.batchWritten(wanted.length, (performance.now() - started) / 1000);
      } catch (error) {
        failure = error;
      } finally {
        this.pendingCount -= batch.length;
        this.isWriting = false;
        if (this.queued.length > 0 && !this.isScheduled) {
          this.isScheduled = true;
          setImmediate(() => this.flush());
        }
      }
      for (let i = 0; i < wanted.length; i++) {
        if (seqs) tellStored(wanted[i]!, seqs[i]!);
        else tellFailed(wanted[i]!, failure);
      }
    });
  }
}

/*
 * A waiter that throws must not stop the others being told, nor the log's
 * next batch: its error is thrown again on its own, where the process reports
 * it as any uncaught error.
 */
function tellStored(waiter: AppendWaiter, seq: number): void {
  try {
    waiter.stored(seq);
  } catch (error) {
    rethrowLater(error);
  }
}

function tellFailed(waiter: AppendWaiter, failure: unknown): void {
  try {
    waiter.failed(failure);
  } catch (error) {
    rethrowLater(error);
  }
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
