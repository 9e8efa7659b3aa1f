import type pg from 'pg';
import type { ActivityEntry, ActivityLog, ActivityPage, NewActivityEntry } from '../ActivityLog.ts';
import { GENESIS_HASH, hashActivityEntry, verifyActivityChain, type ChainVerdict } from '../activityChain.ts';
import { toActivityEntry, toChainRow, type ActivityRow } from '../rows/activityRows.ts';
import { toNumber } from '../rows/columns.ts';
import { inTransaction } from './transaction.ts';

/**
 * The activity log in Postgres, on the shared pool; append-only: no UPDATE,
 * no DELETE. Same semantics as SqliteActivityLog. Ids come from one BIGSERIAL:
 * increasing in order of appending within an instance; across instances, in
 * order of drawing (a page never shows an entry appended after the next one).
 * `detail` is kept as JSON text, byte for byte, as SQLite keeps it.
 *
 * The hash chain: an append takes a transaction-scoped advisory lock on the
 * draft's chain, reads the last hash and inserts, so appends to one draft
 * (from any instance) are linked one after another; other drafts, and update
 * appends (which lock the draft row), are not held up.
 */
export class PostgresActivityLog implements ActivityLog {
  constructor(private readonly pool: pg.Pool) {}

  async appendActivity(entry: NewActivityEntry): Promise<ActivityEntry> {
    const fields = {
      draftId: entry.draftId,
      at: entry.at,
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.name ?? null,
      action: entry.action,
      flagId: entry.flagId,
      detail: JSON.stringify(entry.detail),
    };
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [`activity-chain:${entry.draftId}`]);
      const last = await client.query<{ hash: string | null }>(
        'SELECT hash FROM activity WHERE draft_id = $1 ORDER BY id DESC LIMIT 1',
        [entry.draftId],
      );
      const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
      const hash = hashActivityEntry(prevHash, fields);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO activity (draft_id, at, actor_id, actor_name, action, flag_id, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [fields.draftId, fields.at, fields.actorId, fields.actorName, fields.action, fields.flagId, fields.detail, prevHash, hash],
      );
      return { ...entry, id: toNumber(rows[0]!.id), prevHash, hash };
    });
  }

  async listActivity(draftId: string, page: ActivityPage): Promise<ActivityEntry[]> {
    const { rows } = await this.pool.query<ActivityRow>(
      'SELECT * FROM activity WHERE draft_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3',
      [draftId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
    );
    return rows.map(toActivityEntry);
  }

  async verifyActivity(draftId: string): Promise<ChainVerdict> {
    const { rows } = await this.pool.query<ActivityRow>('SELECT * FROM activity WHERE draft_id = $1 ORDER BY id', [draftId]);
    return verifyActivityChain(rows.map(toChainRow));
  }
}
