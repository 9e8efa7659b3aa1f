/**
 * Where drafts live between server runs. One interface, several backends
 * (SQLite embedded, Postgres for scale-out); every implementation passes the
 * same contract suite in tests/contracts/.
 *
 * A draft's Yjs state is a snapshot plus the updates appended after it, in
 * order. Loading applies the snapshot then the updates; compaction folds the
 * updates into a new snapshot. Both give the same document.
 */
export interface DraftRecord {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When the draft's copy or title last changed, in milliseconds since the epoch. */
  updatedAt: number;
}

export interface StoredDraftState {
  /** The folded state, or null when the draft has never been compacted and had no initial state. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last update included (snapshot's or updates'); 0 when none. */
  lastSeq: number;
}

export interface UpdateToAppend {
  draftId: string;
  update: Uint8Array;
  /** Yjs client ids this update is the first to write in its draft, claimed for its author (see loadClientOwners). */
  claims?: readonly ClientClaim[];
}

/** A Yjs client id of a draft and the account that wrote its first struct. */
export interface ClientClaim {
  clientId: number;
  accountId: string;
}

export interface NewDraft {
  id: string;
  title: string;
  /** The draft's initial Yjs state, stored as its first snapshot. */
  state: Uint8Array;
}

export interface DocumentStore {
  createDraft(draft: NewDraft): Promise<DraftRecord>;
  /** All drafts, most recently updated first. */
  listDrafts(): Promise<DraftRecord[]>;
  /** Returns undefined when there is no draft with this id. */
  findDraft(id: string): Promise<DraftRecord | undefined>;
  /** Returns undefined when there is no draft with this id. */
  renameDraft(id: string, title: string): Promise<DraftRecord | undefined>;
  countDrafts(): Promise<number>;
  /** Returns undefined when there is no draft with this id. */
  loadDraftState(id: string): Promise<StoredDraftState | undefined>;
  /**
   * Appends updates, possibly of several drafts, in one transaction: either
   * all are durable when the promise resolves, or none are and it rejects.
   * Resolves to each update's sequence number, in the order given.
   */
  appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]>;
  /**
   * Who owns each claimed Yjs client id of a draft: the account whose update
   * first wrote it (appendUpdates' claims, in the same transaction as the
   * update). A later claim of an owned id is ignored, so the first one stands.
   * Empty for a draft with no claims or no such draft.
   */
  loadClientOwners(draftId: string): Promise<Map<number, string>>;
  /**
   * Replaces the snapshot with `snapshot`, which must hold everything up to
   * and including update `throughSeq`, and drops those updates. Updates after
   * `throughSeq` are kept. A stale call (throughSeq not past the current
   * snapshot) changes nothing.
   */
  compactDraft(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Number of updates stored after the snapshot. */
  countPendingUpdates(id: string): Promise<number>;
  close(): Promise<void>;
}
