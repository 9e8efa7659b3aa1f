import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/** How long updates gather before they are written to the cache together. */
export const CACHE_WRITE_DELAY_MS = 250;

/**
 * y-indexeddb's offline cache, writing updates in batches. The library opens
 * one IndexedDB transaction per update, inside the Yjs transaction, so each
 * keystroke (and each remote one) paid for it before the browser could paint
 * (~0.8 ms a key on a long draft). Here updates gather for
 * CACHE_WRITE_DELAY_MS and are stored merged, as one, through the library's
 * own writer; the batch is written at once when the page is hidden or closed
 * and when the cache is destroyed. The server, not this cache, is what makes
 * an edit safe, so the short delay only matters for a tab that dies offline.
 */
export class BatchedIndexeddbPersistence extends IndexeddbPersistence {
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly writeOne: (update: Uint8Array, origin: unknown) => void;

  constructor(name: string, doc: Y.Doc) {
    super(name, doc);
    this.writeOne = this._storeUpdate;
    doc.off('update', this.writeOne);
    this._storeUpdate = (update, origin) => {
      // The library's own reads from the cache come back with it as origin.
      if (origin === this) return;
      this.pending.push(update);
      this.timer ??= setTimeout(this.flush, CACHE_WRITE_DELAY_MS);
    };
    doc.on('update', this._storeUpdate);
    addEventListener('pagehide', this.flushOnExit);
    document.addEventListener('visibilitychange', this.flushIfHidden);
  }

  private readonly flushIfHidden = (): void => {
    if (document.visibilityState === 'hidden') this.flushOnExit();
  };

  /** Writes what has gathered, now. */
  readonly flush = (): void => {
    const batch = this.takeBatch();
    if (batch) this.writeOne(batch, null);
  };

  /**
   * On the way out: the batch in a transaction of its own, committed at once,
   * since a page being unloaded does not wait for an idle transaction to
   * commit by itself.
   */
  private readonly flushOnExit = (): void => {
    if (!this.db) return;
    const batch = this.takeBatch();
    if (!batch) return;
    const transaction = this.db.transaction(['updates'], 'readwrite');
    transaction.objectStore('updates').add(batch);
    transaction.commit();
  };

  /** What has gathered, merged into one update (null when nothing has); the timer is cleared. */
  private takeBatch(): Uint8Array | null {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return null;
    return pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
  }

  override destroy(): Promise<void> {
    removeEventListener('pagehide', this.flushOnExit);
    document.removeEventListener('visibilitychange', this.flushIfHidden);
    this.flush();
    return super.destroy();
  }
}
