/**
 * The SQLite schema, one entry per version. `PRAGMA user_version` records how
 * many have been applied; each runs once, inside a transaction, in order.
 * Never edit an entry that has shipped: add a new one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE drafts (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE INDEX drafts_by_updated_at ON drafts (updated_at DESC);

  CREATE TABLE draft_snapshots (
    draft_id     TEXT PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    state        BLOB NOT NULL,
    through_seq  INTEGER NOT NULL
  );

  CREATE TABLE draft_updates (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id  TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    payload   BLOB NOT NULL
  );
  CREATE INDEX draft_updates_by_draft ON draft_updates (draft_id, seq);
  `,
];
