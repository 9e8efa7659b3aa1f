/**
 * The Postgres schema, one entry per version (version = index + 1). The
 * `schema_migrations` table records which have been applied; each runs once,
 * in order, under a transaction-scoped advisory lock (see migratePostgres.ts).
 * Never edit an entry that has shipped: add a new one.
 *
 * Times are BIGINT milliseconds since the epoch, as in SQLite, so both stores
 * hand the same numbers through the interface. Sequence numbers are one
 * BIGSERIAL across drafts: never reused, even after compaction deletes rows.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE drafts (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
  );
  CREATE INDEX drafts_by_updated_at ON drafts (updated_at DESC);

  CREATE TABLE draft_snapshots (
    draft_id     TEXT PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    state        BYTEA NOT NULL,
    through_seq  BIGINT NOT NULL
  );

  CREATE TABLE draft_updates (
    seq       BIGSERIAL PRIMARY KEY,
    draft_id  TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    payload   BYTEA NOT NULL
  );
  CREATE INDEX draft_updates_by_draft ON draft_updates (draft_id, seq);
  `,
  // 2: accounts, browser sessions and API tokens. Session and token secrets are
  // stored only as SHA-256 hashes; passwords only as scrypt strings.
  `
  CREATE TABLE accounts (
    id             TEXT PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    disabled       BOOLEAN NOT NULL DEFAULT false,
    created_at     BIGINT NOT NULL
  );

  CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
  );
  CREATE INDEX sessions_by_account ON sessions (account_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE api_tokens (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    secret_hash   TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT
  );
  CREATE INDEX api_tokens_by_account ON api_tokens (account_id, created_at);
  `,
  // 3: the activity log of flag actions (append-only) and each account's inbox.
  // `position` keeps the order items were added in (SQLite's rowid).
  `
  CREATE TABLE activity (
    id          BIGSERIAL PRIMARY KEY,
    draft_id    TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    actor_id    TEXT,
    actor_name  TEXT,
    action      TEXT NOT NULL,
    flag_id     TEXT,
    detail      TEXT NOT NULL
  );
  CREATE INDEX activity_by_draft ON activity (draft_id, id DESC);

  CREATE TABLE inbox_items (
    id          TEXT PRIMARY KEY,
    position    BIGSERIAL NOT NULL,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    draft_id    TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    flag_id     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('mention', 'assignment')),
    by_id       TEXT NOT NULL,
    by_name     TEXT NOT NULL,
    at          BIGINT NOT NULL,
    excerpt     TEXT NOT NULL,
    read        BOOLEAN NOT NULL DEFAULT false
  );
  CREATE INDEX inbox_items_by_account ON inbox_items (account_id, at DESC, position DESC);
  `,
  // 4: versions (full Yjs states), immutable sign-offs, the desk state mirror,
  // and the activity log's hash chain (entries before this one keep NULL hashes).
  `
  CREATE TABLE versions (
    id           TEXT PRIMARY KEY,
    position     BIGSERIAL NOT NULL,
    draft_id     TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('named', 'checkpoint', 'restore')),
    created_at   BIGINT NOT NULL,
    author_id    TEXT,
    author_name  TEXT,
    word_count   INTEGER NOT NULL,
    state        BYTEA NOT NULL
  );
  CREATE INDEX versions_by_draft ON versions (draft_id, created_at DESC, position DESC);

  CREATE TABLE signoffs (
    id          TEXT PRIMARY KEY,
    position    BIGSERIAL NOT NULL,
    draft_id    TEXT NOT NULL REFERENCES drafts (id),
    version_id  TEXT NOT NULL REFERENCES versions (id),
    hash        TEXT NOT NULL,
    by_id       TEXT NOT NULL,
    by_name     TEXT NOT NULL,
    at          BIGINT NOT NULL,
    note        TEXT NOT NULL,
    override    TEXT,
    open_flags  TEXT NOT NULL
  );
  CREATE INDEX signoffs_by_draft ON signoffs (draft_id, position DESC);
  CREATE FUNCTION refuse_signoff_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'sign-offs are immutable'; END $$;
  CREATE TRIGGER signoffs_immutable BEFORE UPDATE OR DELETE ON signoffs
    FOR EACH ROW EXECUTE FUNCTION refuse_signoff_change();

  CREATE TABLE desk_states (
    draft_id    TEXT PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    state       TEXT NOT NULL,
    locked      BOOLEAN NOT NULL,
    updated_at  BIGINT NOT NULL
  );

  ALTER TABLE activity ADD COLUMN prev_hash TEXT;
  ALTER TABLE activity ADD COLUMN hash TEXT;
  `,
  // 5: who owns each Yjs client id of a draft, so one account cannot write under another's id.
  `
  CREATE TABLE draft_clients (
    draft_id    TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    client_id   BIGINT NOT NULL,
    account_id  TEXT NOT NULL,
    PRIMARY KEY (draft_id, client_id)
  );
  `,
];
