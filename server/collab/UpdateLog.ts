import type { ClientClaim, DocumentStore, UpdateToAppend } from '../storage/DocumentStore.ts';
import { noCollabMetrics, type CollabMetrics } from './CollabMetrics.ts';

interface PendingAppend extends UpdateToAppend {
  isStillWanted: () => boolean;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

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
  private queued: PendingAppend[] = [];
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
    isStillWanted: () => boolean = () => true,
    claims?: readonly ClientClaim[],
  ): Promise<number> {
    this.pendingCount++;
    return new Promise<number>((resolve, reject) => {
      this.queued.push(claims ? { draftId, update, claims, isStillWanted, resolve, reject } : { draftId, update, isStillWanted, resolve, reject });
      if (!this.isScheduled) {
        this.isScheduled = true;
        // setImmediate runs after the I/O callbacks of this tick: every frame
        // that arrived in this poll phase joins the batch.
        setImmediate(() => this.flush());
      }
    });
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
      const wanted: PendingAppend[] = [];
      for (const entry of batch) {
        if (entry.isStillWanted()) wanted.push(entry);
        else entry.reject(new StaleAppendError());
      }
      try {
        const started = performance.now();
        const seqs = await this.store.appendUpdates(wanted);
        if (wanted.length > 0) this.metrics.batchWritten(wanted.length, (performance.now() - started) / 1000);
        wanted.forEach((entry, i) => entry.resolve(seqs[i]!));
      } catch (error) {
        for (const entry of wanted) entry.reject(error);
      } finally {
        this.pendingCount -= batch.length;
        this.isWriting = false;
        if (this.queued.length > 0 && !this.isScheduled) {
          this.isScheduled = true;
          setImmediate(() => this.flush());
        }
      }
    });
  }
}
