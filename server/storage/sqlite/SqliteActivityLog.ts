import type Database from 'better-sqlite3';
import type { ActivityEntry, ActivityLog, ActivityPage, NewActivityEntry } from '../ActivityLog.ts';

interface ActivityRow {
  id: number;
  draft_id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  flag_id: string | null;
  detail: string;
}

const toEntry = (row: ActivityRow): ActivityEntry => ({
  id: row.id,
  draftId: row.draft_id,
  at: row.at,
  actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
  action: row.action,
  flagId: row.flag_id,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
});

/** The activity log in the shared SQLite database (see openSqliteDatabase); append-only: no UPDATE, no DELETE. */
export class SqliteActivityLog implements ActivityLog {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<[string, number, string | null, string | null, string, string | null, string]>(
        `INSERT INTO activity (draft_id, at, actor_id, actor_name, action, flag_id, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string, number, number], ActivityRow>(
        'SELECT * FROM activity WHERE draft_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
      ),
    };
  }

  async appendActivity(entry: NewActivityEntry): Promise<ActivityEntry> {
    const result = this.statements.insert.run(
      entry.draftId,
      entry.at,
      entry.actor?.id ?? null,
      entry.actor?.name ?? null,
      entry.action,
      entry.flagId,
      JSON.stringify(entry.detail),
    );
    return { ...entry, id: Number(result.lastInsertRowid) };
  }

  async listActivity(draftId: string, page: ActivityPage): Promise<ActivityEntry[]> {
    return this.statements.list.all(draftId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit).map(toEntry);
  }
}
