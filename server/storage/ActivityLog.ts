import type { ChainVerdict } from './activityChain.ts';

/**
 * The append-only record of what happened to a draft's flags: who, what,
 * when. Entries are never changed or removed (they go with their draft).
 * Times are milliseconds since the epoch, given by the caller. Tamper-evident:
 * each entry carries the hash of the draft's entry before it, computed inside
 * the append transaction, so appends to one draft are chained in order. The SQLite
 * behaviour is pinned in tests/unit/annotations/sqliteActivityAndInbox.test.ts.
 */
export interface ActivityActor {
  id: string;
  name: string;
}

export interface NewActivityEntry {
  draftId: string;
  at: number;
  /** null when the server acted on its own. */
  actor: ActivityActor | null;
  action: string;
  flagId: string | null;
  /** Plain JSON; stored as text. */
  detail: Record<string, unknown>;
}

export interface ActivityEntry extends NewActivityEntry {
  /** Assigned by the store, increasing in order of appending. */
  id: number;
  /**
   * The hash of the draft's previous entry (GENESIS_HASH for the first), and
   * this entry's own (activityChain.ts#hashActivityEntry). null only on
   * entries appended before the chain existed.
   */
  prevHash: string | null;
  hash: string | null;
}

export interface ActivityPage {
  /** Only entries with an id below this one (the previous page's last). */
  before?: number;
  limit: number;
}

export interface ActivityLog {
  appendActivity(entry: NewActivityEntry): Promise<ActivityEntry>;
  /** A draft's entries, newest first; empty for an unknown draft. */
  listActivity(draftId: string, page: ActivityPage): Promise<ActivityEntry[]>;
  /**
   * Checks the draft's hash chain as stored (activityChain.ts#verifyActivityChain):
   * `{ ok: true, entries }`, or `{ ok: false, brokenAt }` naming the first
   * entry whose fields or links do not match. An unknown draft is ok with 0 entries.
   */
  verifyActivity(draftId: string): Promise<ChainVerdict>;
}
