import type Database from 'better-sqlite3';
import type {
  DocumentStore,
  DraftRecord,
  NewDraft,
  StoredDraftState,
  UpdateToAppend,
} from '../DocumentStore.ts';
import { asBuffer } from '../rows/columns.ts';
import { toDraftRecord, type DraftRow } from '../rows/draftRows.ts';
import { openSqliteDatabase } from './openSqliteDatabase.ts';

export interface SqliteStoreOptions {
  /** `FULL` survives power loss; `NORMAL` (WAL) survives a process crash only. Only used when given a filename. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Clock for timestamps; tests pin it. */
  now?: () => number;
}

/**
 * The embedded store. better-sqlite3 is synchronous, so every method finishes
 * its I/O before returning its (already settled) promise: a batch append is
 * one transaction that either commits whole or throws.
 *
 * Given a filename, the store opens the database and closes it on `close()`.
 * Given an open connection (from `openSqliteDatabase`, shared with the account
 * store), it leaves closing that connection to whoever opened it.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly now: () => number;
  private readonly statements;

  constructor(source: string | Database.Database, options: SqliteStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ownsDb = typeof source === 'string';
    this.db = typeof source === 'string' ? openSqliteDatabase(source, { synchronous: options.synchronous }) : source;
    const db = this.db;
    this.statements = {
      insertDraft: db.prepare(
        'INSERT INTO drafts (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ),
      insertSnapshot: db.prepare(
        'INSERT INTO draft_snapshots (draft_id, state, through_seq) VALUES (?, ?, ?)',
      ),
      listDrafts: db.prepare<[], DraftRow>('SELECT * FROM drafts ORDER BY updated_at DESC, id'),
      findDraft: db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?'),
      countDrafts: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM drafts'),
      renameDraft: db.prepare('UPDATE drafts SET title = ?, updated_at = ? WHERE id = ?'),
      touchDraft: db.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?'),
      findSnapshot: db.prepare<[string], { state: Buffer; through_seq: number }>(
        'SELECT state, through_seq FROM draft_snapshots WHERE draft_id = ?',
      ),
      listUpdatesAfter: db.prepare<[string, number], { seq: number; payload: Buffer }>(
        'SELECT seq, payload FROM draft_updates WHERE draft_id = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: db.prepare('INSERT INTO draft_updates (draft_id, payload) VALUES (?, ?)'),
      insertClaim: db.prepare('INSERT OR IGNORE INTO draft_clients (draft_id, client_id, account_id) VALUES (?, ?, ?)'),
      listClientOwners: db.prepare<[string], { client_id: number; account_id: string }>(
        'SELECT client_id, account_id FROM draft_clients WHERE draft_id = ?',
      ),
      upsertSnapshot: db.prepare(
        `INSERT INTO draft_snapshots (draft_id, state, through_seq) VALUES (?, ?, ?)
         ON CONFLICT (draft_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq
         WHERE excluded.through_seq > draft_snapshots.through_seq`,
      ),
      deleteUpdatesThrough: db.prepare('DELETE FROM draft_updates WHERE draft_id = ? AND seq <= ?'),
      countUpdatesAfter: db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM draft_updates WHERE draft_id = ? AND seq > ?',
      ),
    };
  }

  async createDraft(draft: NewDraft): Promise<DraftRecord> {
    const at = this.now();
    this.db.transaction(() => {
      this.statements.insertDraft.run(draft.id, draft.title, at, at);
      this.statements.insertSnapshot.run(draft.id, asBuffer(draft.state), 0);
    })();
    return { id: draft.id, title: draft.title, createdAt: at, updatedAt: at };
  }

  async listDrafts(): Promise<DraftRecord[]> {
    return this.statements.listDrafts.all().map(toDraftRecord);
  }

  async findDraft(id: string): Promise<DraftRecord | undefined> {
    const row = this.statements.findDraft.get(id);
    return row && toDraftRecord(row);
  }

  async renameDraft(id: string, title: string): Promise<DraftRecord | undefined> {
    const changed = this.statements.renameDraft.run(title, this.now(), id).changes;
    return changed === 0 ? undefined : this.findDraft(id);
  }

  async countDrafts(): Promise<number> {
    return this.statements.countDrafts.get()!.n;
  }

  async loadDraftState(id: string): Promise<StoredDraftState | undefined> {
    // One read transaction, so a compaction cannot slip between the two reads.
    return this.db.transaction(() => {
      if (!this.statements.findDraft.get(id)) return undefined;
      const snapshot = this.statements.findSnapshot.get(id);
      const throughSeq = snapshot?.through_seq ?? 0;
      const rows = this.statements.listUpdatesAfter.all(id, throughSeq);
      return {
        snapshot: snapshot?.state ?? null,
        updates: rows.map((row) => row.payload),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : throughSeq,
      };
    })();
  }

  async appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]> {
    if (batch.length === 0) return [];
    const at = this.now();
    return this.db.transaction(() => {
      const seqs: number[] = [];
      let lastDraftId: string | undefined;
      for (const { draftId, update, claims } of batch) {
        seqs.push(Number(this.statements.insertUpdate.run(draftId, asBuffer(update)).lastInsertRowid));
        if (claims) for (const claim of claims) this.statements.insertClaim.run(draftId, claim.clientId, claim.accountId);
        // Batches usually come in runs of one draft; touch each run once.
        if (draftId !== lastDraftId) {
          this.statements.touchDraft.run(at, draftId);
          lastDraftId = draftId;
        }
      }
      return seqs;
    })();
  }

  async loadClientOwners(draftId: string): Promise<Map<number, string>> {
    return new Map(this.statements.listClientOwners.all(draftId).map((row) => [row.client_id, row.account_id]));
  }

  async compactDraft(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      const written = this.statements.upsertSnapshot.run(id, asBuffer(snapshot), throughSeq).changes;
      if (written > 0) this.statements.deleteUpdatesThrough.run(id, throughSeq);
    })();
  }

  async countPendingUpdates(id: string): Promise<number> {
    const throughSeq = this.statements.findSnapshot.get(id)?.through_seq ?? 0;
    return this.statements.countUpdatesAfter.get(id, throughSeq)!.n;
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }
}
