import type pg from 'pg';
import type { ActivityEntry, ActivityLog, ActivityPage, NewActivityEntry } from '../ActivityLog.ts';
import { toNumber } from './transaction.ts';

interface ActivityRow {
  id: string;
  draft_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  flag_id: string | null;
  detail: string;
}

const toEntry = (row: ActivityRow): ActivityEntry => ({
  id: toNumber(row.id),
  draftId: row.draft_id,
  at: toNumber(row.at),
  actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
  action: row.action,
  flagId: row.flag_id,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
});

/**
 * The activity log in Postgres, on the shared pool; append-only: no UPDATE,
 * no DELETE. Same semantics as SqliteActivityLog. Ids come from one BIGSERIAL:
 * increasing in order of appending within an instance; across instances, in
 * order of drawing (a page never shows an entry appended after the next one).
 * `detail` is kept as JSON text, byte for byte, as SQLite keeps it.
 */
export class PostgresActivityLog implements ActivityLog {
  constructor(private readonly pool: pg.Pool) {}

  async appendActivity(entry: NewActivityEntry): Promise<ActivityEntry> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO activity (draft_id, at, actor_id, actor_name, action, flag_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        entry.draftId,
        entry.at,
        entry.actor?.id ?? null,
        entry.actor?.name ?? null,
        entry.action,
        entry.flagId,
        JSON.stringify(entry.detail),
      ],
    );
    return { ...entry, id: toNumber(rows[0]!.id) };
  }

  async listActivity(draftId: string, page: ActivityPage): Promise<ActivityEntry[]> {
    const { rows } = await this.pool.query<ActivityRow>(
      'SELECT * FROM activity WHERE draft_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3',
      [draftId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
    );
    return rows.map(toEntry);
  }
}
