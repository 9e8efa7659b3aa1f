import type Database from 'better-sqlite3';
import type { ActivityEntry, ActivityLog, ActivityPage, NewActivityEntry } from '../ActivityLog.ts';
import { GENESIS_HASH, hashActivityEntry, verifyActivityChain, type ChainVerdict } from '../activityChain.ts';
import { toActivityEntry, toChainRow, type ActivityRow } from '../rows/activityRows.ts';

/**
 * The activity log in the shared SQLite database (see openSqliteDatabase);
 * append-only: no UPDATE, no DELETE. An append reads the draft's last hash and
 * inserts in one IMMEDIATE transaction (the write lock is taken first), so
 * the chain is linked in order even with another process on the same file.
 */
export class SqliteActivityLog implements ActivityLog {
  private readonly statements;
  private readonly append: (entry: NewActivityEntry) => ActivityEntry;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<[string, number, string | null, string | null, string, string | null, string, string, string]>(
        `INSERT INTO activity (draft_id, at, actor_id, actor_name, action, flag_id, detail, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      lastHash: db.prepare<[string], { hash: string | null }>(
        'SELECT hash FROM activity WHERE draft_id = ? ORDER BY id DESC LIMIT 1',
      ),
      list: db.prepare<[string, number, number], ActivityRow>(
        'SELECT * FROM activity WHERE draft_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
      ),
      chain: db.prepare<[string], ActivityRow>('SELECT * FROM activity WHERE draft_id = ? ORDER BY id'),
    };
    const append = db.transaction((entry: NewActivityEntry): ActivityEntry => {
      const fields = {
        draftId: entry.draftId,
        at: entry.at,
        actorId: entry.actor?.id ?? null,
        actorName: entry.actor?.name ?? null,
        action: entry.action,
        flagId: entry.flagId,
        detail: JSON.stringify(entry.detail),
      };
      const prevHash = this.statements.lastHash.get(entry.draftId)?.hash ?? GENESIS_HASH;
      const hash = hashActivityEntry(prevHash, fields);
      const result = this.statements.insert.run(
        fields.draftId,
        fields.at,
        fields.actorId,
        fields.actorName,
        fields.action,
        fields.flagId,
        fields.detail,
        prevHash,
        hash,
      );
      return { ...entry, id: Number(result.lastInsertRowid), prevHash, hash };
    });
    this.append = (entry) => append.immediate(entry);
  }

  async appendActivity(entry: NewActivityEntry): Promise<ActivityEntry> {
    return this.append(entry);
  }

  async listActivity(draftId: string, page: ActivityPage): Promise<ActivityEntry[]> {
    return this.statements.list.all(draftId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit).map(toActivityEntry);
  }

  async verifyActivity(draftId: string): Promise<ChainVerdict> {
    return verifyActivityChain(this.statements.chain.all(draftId).map(toChainRow));
  }
}
