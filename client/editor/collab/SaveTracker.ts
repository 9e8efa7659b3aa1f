import * as Y from 'yjs';
import { ValueStore } from './ValueStore.ts';

export interface SaveSnapshot {
  /** True while some edit held in this tab is not yet known to be stored on the server. */
  hasUnsavedChanges: boolean;
  /** When the server last confirmed that everything here is stored; null before the first confirmation. */
  lastSavedAt: Date | null;
}

/** Where acked clocks survive a reload, so a reopened draft knows what the server already has. */
export interface AckedClockStore {
  load(): Map<number, number>;
  store(clocks: ReadonlyMap<number, number>): void;
}

export interface SaveTrackerOptions {
  /** Transaction origin of updates that came from the server (the provider). */
  serverOrigin: unknown;
  /** Transaction origin of updates restored from the offline cache (the IndexedDB persistence). */
  cacheOrigin: unknown;
  ackedClocks?: AckedClockStore;
  now?: () => Date;
}

/**
 * Decides whether the draft in this tab is stored on the server.
 *
 * Every Yjs client id writes a contiguous run of clocks, so "stored up to clock
 * n for client c" is a complete statement. The tracker keeps, per client id,
 * the highest clock known to be durable on the server, from four sources:
 *
 * 1. `saved` frames (`?ack=1`): the server's own "stored up to here";
 * 2. the server's sync step 1, whose state vector is what the server holds —
 *    and since the server stores before it applies, what it holds is durable;
 * 3. updates that arrive from the server, which it stored before relaying;
 * 4. what an earlier visit learned from 1–3 (the AckedClockStore).
 *
 * The draft is saved when, for every client id in the local document (this
 * tab's, and older tabs' edits restored from IndexedDB), the local clock is no
 * higher than the acked one. For this tab's own id that is the rule "acked
 * clock for doc.clientID >= local state vector entry".
 *
 * A transaction that only deletes advances no clock, so it cannot be acked by
 * clock. It marks the draft unsaved until the next `saved` frame, which the
 * server sends after storing the update that carried it.
 */
export class SaveTracker {
  readonly state = new ValueStore<SaveSnapshot>({ hasUnsavedChanges: false, lastSavedAt: null });
  private readonly acked: Map<number, number>;
  private hasPendingDelete = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: SaveTrackerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.acked = options.ackedClocks?.load() ?? new Map();
    doc.on('update', this.onUpdate);
    this.refresh(false);
  }

  /** A `saved` frame: clocks up to which (exclusive) each client's updates are stored. */
  ackSaved(clocks: ReadonlyMap<number, number>): void {
    this.raise(clocks);
    this.hasPendingDelete = false;
    this.refresh(true);
  }

  /** The server's state vector, from its sync step 1. */
  ackServerState(stateVector: ReadonlyMap<number, number>): void {
    this.raise(stateVector);
    this.refresh(false);
  }

  /**
   * Writes acked clocks that are waiting for their timer out now. For a page
   * going away: a reload within the second after an ack would otherwise
   * forget it, and the draft, reopened offline, would claim unsent changes.
   */
  persistNow(): void {
    if (this.persistTimer === null) return;
    clearTimeout(this.persistTimer);
    this.persist();
  }

  /** Stops listening and writes the acked clocks out one last time. */
  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.persistNow();
    this.state.clear();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === this.options.serverOrigin) {
      // Per client, the clock just past the update's last struct. The server
      // holds every client's clocks without gaps, so it has everything below.
      // (Not encodeStateVectorFromUpdate: that counts only runs starting at 0.)
      this.raise(Y.parseUpdateMeta(update).to);
    } else if (origin !== this.options.cacheOrigin && addsNothing(transaction)) {
      this.hasPendingDelete = true;
    }
    this.refresh(false);
  };

  private raise(clocks: ReadonlyMap<number, number>): void {
    let changed = false;
    for (const [client, clock] of clocks) {
      if (clock > (this.acked.get(client) ?? 0)) {
        this.acked.set(client, clock);
        changed = true;
      }
    }
    if (changed && this.options.ackedClocks && this.persistTimer === null) {
      this.persistTimer = setTimeout(() => this.persist(), 1000);
    }
  }

  private persist(): void {
    this.persistTimer = null;
    this.options.ackedClocks?.store(this.acked);
  }

  /** Recomputes the snapshot. `confirmed`: a saved frame just arrived, so a saved draft gets a fresh time. */
  private refresh(confirmed: boolean): void {
    const previous = this.state.get();
    const hasUnsavedChanges = this.hasPendingDelete || this.hasUnackedClocks();
    const becameSaved = previous.hasUnsavedChanges && !hasUnsavedChanges;
    const lastSavedAt = !hasUnsavedChanges && (becameSaved || confirmed) ? this.now() : previous.lastSavedAt;
    this.state.set(
      { hasUnsavedChanges, lastSavedAt },
      (a, b) => a.hasUnsavedChanges === b.hasUnsavedChanges && a.lastSavedAt === b.lastSavedAt,
    );
  }

  private hasUnackedClocks(): boolean {
    for (const client of this.doc.store.clients.keys()) {
      if (Y.getState(this.doc.store, client) > (this.acked.get(client) ?? 0)) return true;
    }
    return false;
  }
}

/**
 * True when the transaction advanced no client's clock. Yjs emits `update`
 * only for a transaction that inserted or deleted something, so such an
 * update deletes and inserts nothing; read off the state vectors, without
 * decoding the update on every keystroke.
 */
function addsNothing(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) {
    if (clock !== (transaction.beforeState.get(client) ?? 0)) return false;
  }
  return true;
}
