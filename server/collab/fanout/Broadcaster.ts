/**
 * Carries a draft's accepted updates and awareness changes to the other
 * server instances that hold the same draft. Updates are already durable in
 * the shared database when published, so a lost message is not lost data:
 * an instance that misses one catches up from the database.
 */
export type FanoutKind = 'update' | 'awareness';

/** Transaction and awareness origin for what another instance stored or heard and sent over the fan-out. */
export const FANOUT_ORIGIN = 'fanout';

export type FanoutHandler = (kind: FanoutKind, payload: Uint8Array) => void;

export interface Broadcaster {
  /** Sends to every other instance subscribed to the draft. Never throws; a failed send is dropped. */
  publish(draftId: string, kind: FanoutKind, payload: Uint8Array): void;
  /**
   * Starts delivering the draft's messages from other instances (never this
   * instance's own). Resolves once messages published from now on will
   * arrive (also when subscribing failed, which is logged).
   */
  subscribe(draftId: string, handler: FanoutHandler): Promise<void>;
  unsubscribe(draftId: string): void;
  /** Called after the connection to the other instances came back from an outage: messages may have been missed. */
  onReconnect(handler: () => void): void;
  /** Whether messages can go out right now (for the readiness check). */
  isConnected(): boolean;
  close(): Promise<void>;
}

/** One instance alone: nobody to tell. */
export class LocalBroadcaster implements Broadcaster {
  publish(): void {}
  async subscribe(): Promise<void> {}
  unsubscribe(): void {}
  onReconnect(): void {}
  isConnected(): boolean {
    return true;
  }
  async close(): Promise<void> {}
}

/**
 * Work on one draft that must run on one instance at a time (compaction, the
 * clearance check). `acquire` resolves to a release function, or undefined
 * when another instance holds the lease.
 */
export interface DraftLock {
  acquire(draftId: string): Promise<(() => Promise<void>) | undefined>;
}

export const localDraftLock: DraftLock = {
  acquire: async () => async () => {},
};
