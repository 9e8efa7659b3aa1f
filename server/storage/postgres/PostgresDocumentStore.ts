import type pg from 'pg';
import type {
  DocumentStore,
  DraftRecord,
  NewDraft,
  StoredDraftState,
  UpdateToAppend,
} from '../DocumentStore.ts';
import { toDraftRecord, type DraftRow } from '../rows/draftRows.ts';
import { asBuffer, toNumber } from '../rows/columns.ts';
import { inTransaction } from './transaction.ts';

export interface PostgresStoreOptions {
  /** Clock for timestamps; tests pin it. */
  now?: () => number;
}

/** A batch naming a draft that does not exist; its transaction is rolled back. */
export class MissingDraftError extends Error {
  override name = 'MissingDraftError';
}

/**
 * Drafts in Postgres, for several server instances sharing one database. Same
 * semantics as SqliteDocumentStore, which the shared contract suite checks.
 *
 * Built on a pool from `openPostgresPool` (shared with the account store); the
 * pool's opener ends it, so `close()` does nothing.
 *
 * Sequence numbers: one BIGSERIAL across drafts. A BIGSERIAL alone would let
 * two transactions commit out of order (seq 11 visible before seq 10), and a
 * loader or compaction between them would skip 10 for good. So an append
 * first locks the rows of its drafts (in id order, so two batches cannot
 * deadlock) and only then draws numbers: for any one draft, appends are
 * serialised and a higher seq is always committed later.
 */
export class PostgresDocumentStore implements DocumentStore {
  private readonly now: () => number;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async createDraft(draft: NewDraft): Promise<DraftRecord> {
    const at = this.now();
    await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO drafts (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3)', [
        draft.id,
        draft.title,
        at,
      ]);
      await client.query('INSERT INTO draft_snapshots (draft_id, state, through_seq) VALUES ($1, $2, 0)', [
        draft.id,
        asBuffer(draft.state),
      ]);
    });
    return { id: draft.id, title: draft.title, createdAt: at, updatedAt: at };
  }

  async listDrafts(): Promise<DraftRecord[]> {
    const { rows } = await this.pool.query<DraftRow>('SELECT * FROM drafts ORDER BY updated_at DESC, id COLLATE "C"');
    return rows.map(toDraftRecord);
  }

  async findDraft(id: string): Promise<DraftRecord | undefined> {
    const { rows } = await this.pool.query<DraftRow>('SELECT * FROM drafts WHERE id = $1', [id]);
    return rows[0] && toDraftRecord(rows[0]);
  }

  async renameDraft(id: string, title: string): Promise<DraftRecord | undefined> {
    const { rows } = await this.pool.query<DraftRow>(
      'UPDATE drafts SET title = $1, updated_at = $2 WHERE id = $3 RETURNING *',
      [title, this.now(), id],
    );
    return rows[0] && toDraftRecord(rows[0]);
  }

  async countDrafts(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM drafts');
    return toNumber(rows[0]!.n);
  }

  async loadDraftState(id: string): Promise<StoredDraftState | undefined> {
    // One snapshot of the database for all three reads, so a compaction
    // committing in between cannot drop updates the old snapshot lacked.
    return inTransaction(
      this.pool,
      async (client) => {
        const draft = await client.query('SELECT 1 FROM drafts WHERE id = $1', [id]);
        if (draft.rowCount === 0) return undefined;
        const snapshot = await client.query<{ state: Buffer; through_seq: string }>(
          'SELECT state, through_seq FROM draft_snapshots WHERE draft_id = $1',
          [id],
        );
        const throughSeq = snapshot.rows[0] ? toNumber(snapshot.rows[0].through_seq) : 0;
        const updates = await client.query<{ seq: string; payload: Buffer }>(
          'SELECT seq, payload FROM draft_updates WHERE draft_id = $1 AND seq > $2 ORDER BY seq',
          [id, throughSeq],
        );
        const last = updates.rows[updates.rows.length - 1];
        return {
          snapshot: snapshot.rows[0]?.state ?? null,
          updates: updates.rows.map((row) => row.payload),
          lastSeq: last ? toNumber(last.seq) : throughSeq,
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]> {
    if (batch.length === 0) return [];
    const at = this.now();
    const draftIds = [...new Set(batch.map((entry) => entry.draftId))].sort();
    return inTransaction(this.pool, async (client) => {
      // Lock first (see the class comment), and touch updatedAt while at it.
      const locked = await client.query<{ id: string }>(
        `UPDATE drafts SET updated_at = $2
         WHERE id IN (SELECT id FROM drafts WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE)
         RETURNING id`,
        [draftIds, at],
      );
      if (locked.rowCount !== draftIds.length) {
        const found = new Set(locked.rows.map((row) => row.id));
        const missing = draftIds.filter((id) => !found.has(id));
        throw new MissingDraftError(`no draft with id ${missing.map((id) => JSON.stringify(id)).join(', ')}`);
      }
      // One statement for the batch: a round trip per update made Postgres's cost
      // grow with the batch. Rows are inserted in batch order, so the sequence
      // hands out ascending numbers in that order, whatever order RETURNING uses.
      const { rows } = await client.query<{ seq: string }>(
        `INSERT INTO draft_updates (draft_id, payload)
         SELECT draft_id, payload FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS batch (draft_id, payload, n)
         ORDER BY n
         RETURNING seq`,
        [batch.map((entry) => entry.draftId), batch.map((entry) => asBuffer(entry.update))],
      );
      const seqs = rows.map((row) => toNumber(row.seq)).sort((a, b) => a - b);
      const claims = batch.flatMap((entry) => (entry.claims ?? []).map((claim) => ({ draftId: entry.draftId, ...claim })));
      if (claims.length > 0) {
        await client.query(
          `INSERT INTO draft_clients (draft_id, client_id, account_id)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
           ON CONFLICT (draft_id, client_id) DO NOTHING`,
          [claims.map((c) => c.draftId), claims.map((c) => c.clientId), claims.map((c) => c.accountId)],
        );
      }
      return seqs;
    });
  }

  async loadClientOwners(draftId: string): Promise<Map<number, string>> {
    const { rows } = await this.pool.query<{ client_id: string; account_id: string }>(
      'SELECT client_id, account_id FROM draft_clients WHERE draft_id = $1',
      [draftId],
    );
    return new Map(rows.map((row) => [toNumber(row.client_id), row.account_id]));
  }

  async compactDraft(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // ON CONFLICT … WHERE re-checks against the latest committed snapshot row
      // (it waits for a concurrent compaction's lock), so the newer one wins.
      const written = await client.query(
        `INSERT INTO draft_snapshots (draft_id, state, through_seq) VALUES ($1, $2, $3)
         ON CONFLICT (draft_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq
         WHERE excluded.through_seq > draft_snapshots.through_seq`,
        [id, asBuffer(snapshot), throughSeq],
      );
      if ((written.rowCount ?? 0) > 0) {
        await client.query('DELETE FROM draft_updates WHERE draft_id = $1 AND seq <= $2', [id, throughSeq]);
      }
    });
  }

  async countPendingUpdates(id: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM draft_updates
       WHERE draft_id = $1
         AND seq > coalesce((SELECT through_seq FROM draft_snapshots WHERE draft_id = $1), 0)`,
      [id],
    );
    return toNumber(rows[0]!.n);
  }

  async close(): Promise<void> {
    // The pool belongs to whoever opened it (openPostgresPool); nothing of ours to release.
  }
}
