import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import { clearStash, clearStashIf, decodeStash, stashOnExit, stashValue } from './exitStash.ts';
import { ValueStore } from './ValueStore.ts';

/** How long updates gather before they are written to the cache together. */
export const CACHE_WRITE_DELAY_MS = 250;

/**
 * Updates held in memory (gathered while the cache opens, or written and not
 * stored while it fails) are merged into one past this many.
 */
const FOLD_AFTER = 64;

/** After a failed write, how long until the whole copy is tried again (when no edit tries it sooner). */
export const CACHE_RETRY_AFTER_MS = 15_000;

/**
 * Whether this device holds the draft: `opening` until the cache has been
 * read, `kept` while every edit reaches it, `failed` when the browser refused
 * to open it or to write to it (storage full, blocked, or deleted under us).
 * Once failed, edits made here live only in this tab until a later write of
 * the whole copy succeeds.
 */
export type OfflineCopyState = 'opening' | 'kept' | 'failed';

/**
 * Open failures already reported through a cache's `state`. The library's
 * constructor chains on its database promise without a rejection handler, so
 * a refused open would also reach the page as an unhandled rejection carrying
 * the same error: error monitoring would count a handled, expected condition
 * (private modes, policies) as a crash. (Its destroy chain is handled in
 * `destroy` below.)
 */
const reportedOpenFailures = new WeakSet<object>();

function quietReportedOpenFailure(event: PromiseRejectionEvent): void {
  const { reason } = event;
  if (typeof reason === 'object' && reason !== null && reportedOpenFailures.has(reason)) event.preventDefault();
}

let isQuietingOpenFailures = false;

/**
 * y-indexeddb's offline cache, writing updates in batches. The library opens
 * one IndexedDB transaction per update, inside the Yjs transaction, so each
 * keystroke (and each remote one) paid for it before the browser could paint
 * (~0.8 ms a key on a long draft). Here updates gather for
 * CACHE_WRITE_DELAY_MS and are stored merged, as one; the batch is written at
 * once when the page is hidden or closed and when the cache is destroyed. The
 * server, not this cache, is what makes an edit safe, so the short delay only
 * matters for a tab that dies offline.
 *
 * The library leaves IndexedDB's failures unhandled, so the copy would stop
 * silently. Here every failure (an open refused, a transaction aborted, ours
 * or the library's) sets `state` to `failed`, and the next write, at the next
 * edit or after CACHE_RETRY_AFTER_MS, is the whole document: the batches lost
 * meanwhile are in it.
 *
 * The batch written on the way out is also stashed in localStorage (see
 * exitStash.ts): the browser aborts that write when the page is gone before it
 * commits. So are the batches written earlier whose transactions have not
 * committed yet, which that abort takes too. The stash is put into the
 * document before the cache opens, so the
 * library's first write of the whole document stores it. While the cache is
 * still opening, edits stay gathered rather than written, so that a page
 * leaving before it has opened stashes them too.
 */
export class BatchedIndexeddbPersistence extends IndexeddbPersistence {
  readonly state = new ValueStore<OfflineCopyState>('opening');
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private isTrimming = false;
  private isDiscarded = false;
  /** Batches written whose transactions have not committed (aborted ones stay until a whole-copy write stores them). */
  private readonly unconfirmed = new Set<Uint8Array>();
  /** What this page last stashed, and the batches it holds (leaving fires both pagehide and visibilitychange). */
  private exitStash: { value: string; holds: Set<Uint8Array> } | null = null;

  constructor(name: string, doc: Y.Doc) {
    super(name, doc);
    doc.off('update', this._storeUpdate);
    this._storeUpdate = (update, origin) => {
      // The library's own reads from the cache come back with it as origin.
      if (origin === this) return;
      this.pending.push(update);
      this.timer ??= setTimeout(this.flush, CACHE_WRITE_DELAY_MS);
    };
    doc.on('update', this._storeUpdate);
    this.restoreStash();
    this._db.then(
      (db) => {
        // Aborts bubble from every transaction on this connection, the library's too.
        db.addEventListener('abort', (event) => this.fail((event.target as IDBTransaction).error ?? new DOMException('aborted', 'AbortError')));
      },
      (error: unknown) => {
        if (typeof error === 'object' && error !== null) reportedOpenFailures.add(error);
        this.fail(error);
      },
    );
    if (!isQuietingOpenFailures) {
      isQuietingOpenFailures = true;
      addEventListener('unhandledrejection', quietReportedOpenFailure);
    }
    this.whenSynced.then(() => {
      if (this.state.get() === 'opening') this.state.set('kept');
      if (this.pending.length > 0) this.timer ??= setTimeout(this.flush, CACHE_WRITE_DELAY_MS);
    });
    addEventListener('pagehide', this.flushOnExit);
    document.addEventListener('visibilitychange', this.flushIfHidden);
  }

  private readonly flushIfHidden = (): void => {
    if (document.visibilityState === 'hidden') this.flushOnExit();
  };

  /** Writes what has gathered, now. */
  readonly flush = (): void => {
    // Until the cache has opened, edits stay gathered: a page that leaves before then stashes them all.
    // Folded now and then, so an open that never finishes does not hold one update per key.
    if (this.state.get() === 'opening') {
      this.clearTimer();
      if (this.pending.length > FOLD_AFTER) this.pending = [Y.mergeUpdates(this.pending)];
      return;
    }
    this.write(this.takeBatch(), false, null);
  };

  /**
   * On the way out: the batch stashed, and committed at once, since a page
   * being unloaded does not wait for an idle transaction to commit by itself.
   */
  private readonly flushOnExit = (): void => {
    const batch = this.takeBatch();
    // A copy being discarded keeps nothing: its stash would bring the discarded edits back.
    if (this.isDiscarded) return;
    // Cleared since (its write committed, the page stayed) or rewritten by another tab: everything goes in again.
    if (this.exitStash && stashValue(this.name) !== this.exitStash.value) this.exitStash = null;
    const holds = this.exitStash?.holds ?? new Set<Uint8Array>();
    const unstashed = [...this.unconfirmed].filter((written) => !holds.has(written));
    if (batch) unstashed.push(batch);
    let stashed: string | null = null;
    if (unstashed.length > 0) {
      stashed = stashOnExit(this.name, unstashed.length === 1 ? unstashed[0]! : Y.mergeUpdates(unstashed));
      if (stashed !== null) {
        for (const written of unstashed) holds.add(written);
        this.exitStash = { value: stashed, holds };
      }
    }
    this.write(batch, true, stashed);
  };

  private readonly retry = (): void => {
    this.retryTimer = null;
    if (this.state.get() === 'failed' && !this._destroyed) this.write(null, false, null);
  };

  /** Puts what an earlier page stashed on its way out into the document, and clears it once the cache holds it. */
  private restoreStash(): void {
    const stashed = stashValue(this.name);
    if (stashed === null) return;
    try {
      Y.applyUpdate(this.doc, decodeStash(stashed), this);
    } catch (error) {
      console.warn('[copydesk] ignoring an unreadable stash of last edits', error);
      clearStash(this.name);
      return;
    }
    void this.whenSynced.then(() => {
      if (!this.db || this._destroyed) return;
      // Queued behind the library's first write, which stored the whole document, stash included.
      const check = this.db.transaction(['updates'], 'readonly');
      check.objectStore('updates').count();
      check.addEventListener('complete', () => clearStashIf(this.name, stashed));
    });
  }

  private write(batch: Uint8Array | null, commitAtOnce: boolean, stashed: string | null): void {
    const isRepair = this.state.get() === 'failed';
    // Before the cache opens the library writes the whole document itself.
    if (!this.db || (!batch && !isRepair)) return;
    const update = isRepair ? Y.encodeStateAsUpdate(this.doc) : batch!;
    // A whole-copy write stores every batch written before it, committed or not.
    if (isRepair && this.unconfirmed.size > FOLD_AFTER) {
      const folded = Y.mergeUpdates([...this.unconfirmed]);
      this.unconfirmed.clear();
      this.unconfirmed.add(folded);
    }
    const covered = isRepair ? [...this.unconfirmed] : [];
    if (batch) this.unconfirmed.add(batch);
    let transaction: IDBTransaction;
    try {
      transaction = this.db.transaction(['updates'], 'readwrite');
      transaction.objectStore('updates').add(update);
      if (commitAtOnce) transaction.commit();
    } catch (error) {
      // A closed connection (the database was deleted from another tab) throws here.
      this.fail(error);
      return;
    }
    transaction.addEventListener('complete', () => {
      if (batch) this.unconfirmed.delete(batch);
      for (const written of covered) this.unconfirmed.delete(written);
      if (stashed !== null) clearStashIf(this.name, stashed);
      if (isRepair && this.state.get() === 'failed') this.state.set('kept');
      if (++this._dbsize >= PREFERRED_TRIM_SIZE) this.trim();
    });
  }

  /** Folds the stored updates into one; the library does it, and a failure in it shows as an abort. */
  private trim(): void {
    // Batches written while the library reads the store back would each start another fold.
    if (this.isTrimming) return;
    this.isTrimming = true;
    storeState(this, false)
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.isTrimming = false;
      });
  }

  private fail(error: unknown): void {
    if (this._destroyed) return;
    if (this.state.get() !== 'failed') {
      console.warn('[copydesk] this device cannot keep an offline copy of the draft', error);
    }
    this.state.set('failed');
    this.retryTimer ??= setTimeout(this.retry, CACHE_RETRY_AFTER_MS);
  }

  /** What has gathered, merged into one update (null when nothing has); the timer is cleared. */
  private takeBatch(): Uint8Array | null {
    this.clearTimer();
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return null;
    return pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  override clearData(): Promise<void> {
    this.isDiscarded = true;
    clearStash(this.name);
    return super.clearData();
  }

  override destroy(): Promise<void> {
    removeEventListener('pagehide', this.flushOnExit);
    document.removeEventListener('visibilitychange', this.flushIfHidden);
    if (this.state.get() === 'opening') this.flushOnExit();
    else this.flush();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // The library's destroy waits on the open; an open that failed has nothing to close.
    return super.destroy().catch(() => undefined);
  }
}
