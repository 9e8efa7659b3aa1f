import type { ClientClaim } from '../storage/DocumentStore.ts';
import type { Connection } from './Connection.ts';
import type { ItemRange } from './PendingRoots.ts';
import type { AppendWaiter } from './UpdateLog.ts';

/** What the room does as a client's write gets on. */
export interface ClientWriteOutcomes {
  /** False once a write before it has failed: it may build on what was never stored. */
  isCurrent(write: ClientWrite): boolean;
  stored(write: ClientWrite): void;
  failed(write: ClientWrite, error: unknown): void;
}

/**
 * A client's update from the moment it passes the room's checks: first the
 * entry the update log writes, then, once durable, the job the room applies
 * and relays. Every keystroke of every writer makes one, so it is a single
 * object whose methods live on the prototype: no promise and no closures per
 * update.
 */
export class ClientWrite implements AppendWaiter {
  /** Its sequence number in the store, once stored. */
  seq = -1;

  constructor(
    private readonly outcomes: ClientWriteOutcomes,
    readonly draftId: string,
    readonly connection: Connection,
    readonly update: Uint8Array,
    /** The frame it arrived in, relayed as is; null when it came inside a sync step 2. */
    readonly updateFrame: Uint8Array | null,
    /** Per client, the clock just past its structs (the gate's verdict). */
    readonly clocks: ReadonlyMap<number, number>,
    readonly scope: { readonly roots: readonly string[]; readonly itemRanges: readonly ItemRange[] },
    /** The room's write epoch when it was accepted. */
    readonly epoch: number,
    /** Client ids it claims for its author, stored with it. */
    readonly claims: readonly ClientClaim[] | undefined,
  ) {}

  isStillWanted(): boolean {
    return this.outcomes.isCurrent(this);
  }

  stored(seq: number): void {
    this.seq = seq;
    this.outcomes.stored(this);
  }

  failed(error: unknown): void {
    this.outcomes.failed(this, error);
  }
}
