import type pg from 'pg';
import type { InboxItem, InboxStore, NewInboxItem } from '../InboxStore.ts';
import { toInboxItem, type InboxRow } from '../rows/inboxRows.ts';
import { toNumber } from '../rows/columns.ts';
import { inTransaction } from './transaction.ts';

const ITEM_COLUMNS = 'id, account_id, draft_id, flag_id, kind, by_id, by_name, at, excerpt, read';

/** Inboxes in Postgres, on the shared pool. Same semantics as SqliteInboxStore. */
export class PostgresInboxStore implements InboxStore {
  constructor(private readonly pool: pg.Pool) {}

  async addInboxItems(items: readonly NewInboxItem[]): Promise<void> {
    if (items.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      for (const item of items) {
        await client.query(
          `INSERT INTO inbox_items (id, account_id, draft_id, flag_id, kind, by_id, by_name, at, excerpt)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [item.id, item.accountId, item.draftId, item.flagId, item.kind, item.byId, item.byName, item.at, item.excerpt],
        );
      }
    });
  }

  async listInboxItems(accountId: string, limit: number): Promise<InboxItem[]> {
    const { rows } = await this.pool.query<InboxRow>(
      `SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE account_id = $1 ORDER BY at DESC, position DESC LIMIT $2`,
      [accountId, limit],
    );
    return rows.map(toInboxItem);
  }

  async countUnread(accountId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM inbox_items WHERE account_id = $1 AND NOT read',
      [accountId],
    );
    return toNumber(rows[0]!.n);
  }

  async markRead(accountId: string, itemId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE inbox_items SET read = true WHERE id = $1 AND account_id = $2', [
      itemId,
      accountId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async markAllRead(accountId: string): Promise<void> {
    await this.pool.query('UPDATE inbox_items SET read = true WHERE account_id = $1 AND NOT read', [accountId]);
  }
}
