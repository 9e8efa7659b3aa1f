/**
 * The append-only record of what happened to a draft's flags: who, what,
 * when. Entries are never changed or removed (they go with their draft).
 * Times are milliseconds since the epoch, given by the caller. The SQLite
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
}
