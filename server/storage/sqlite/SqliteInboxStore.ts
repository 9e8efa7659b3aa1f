import type Database from 'better-sqlite3';
import type { InboxItem, InboxStore, NewInboxItem } from '../InboxStore.ts';
import { toInboxItem, type InboxRow } from '../rows/inboxRows.ts';

/** Inboxes in the shared SQLite database (see openSqliteDatabase). */
export class SqliteInboxStore implements InboxStore {
  private readonly statements;
  private readonly insertAll: (items: readonly NewInboxItem[]) => void;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO inbox_items (id, account_id, draft_id, flag_id, kind, by_id, by_name, at, excerpt)
         VALUES (@id, @accountId, @draftId, @flagId, @kind, @byId, @byName, @at, @excerpt)`,
      ),
      list: db.prepare<[string, number], InboxRow>(
        'SELECT * FROM inbox_items WHERE account_id = ? ORDER BY at DESC, rowid DESC LIMIT ?',
      ),
      countUnread: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM inbox_items WHERE account_id = ? AND read = 0',
      ),
      markRead: db.prepare('UPDATE inbox_items SET read = 1 WHERE id = ? AND account_id = ?'),
      markAllRead: db.prepare('UPDATE inbox_items SET read = 1 WHERE account_id = ? AND read = 0'),
    };
    this.insertAll = db.transaction((items: readonly NewInboxItem[]) => {
      for (const item of items) this.statements.insert.run(item);
    });
  }

  async addInboxItems(items: readonly NewInboxItem[]): Promise<void> {
    if (items.length > 0) this.insertAll(items);
  }

  async listInboxItems(accountId: string, limit: number): Promise<InboxItem[]> {
    return this.statements.list.all(accountId, limit).map(toInboxItem);
  }

  async countUnread(accountId: string): Promise<number> {
    return this.statements.countUnread.get(accountId)!.n;
  }

  async markRead(accountId: string, itemId: string): Promise<boolean> {
    return this.statements.markRead.run(itemId, accountId).changes > 0;
  }

  async markAllRead(accountId: string): Promise<void> {
    this.statements.markAllRead.run(accountId);
  }
}
