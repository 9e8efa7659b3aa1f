import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openSqliteDatabase } from '../../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteActivityLog } from '../../../server/storage/sqlite/SqliteActivityLog.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';
import { SqliteInboxStore } from '../../../server/storage/sqlite/SqliteInboxStore.ts';
import { SqliteAccountStore } from '../../../server/storage/sqlite/SqliteAccountStore.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';

describe('SQLite activity log and inbox', () => {
  let db: Database.Database;
  beforeEach(async () => {
    db = openSqliteDatabase(':memory:');
    await new SqliteDocumentStore(db).createDraft({ id: 'draft-1', title: 'T', state: emptyDraftState() });
    await new SqliteAccountStore(db).createAccount({ id: 'a1', username: 'rita', displayName: 'Rita', role: 'legal', passwordHash: 'x', createdAt: 1 });
  });
  afterEach(() => db.close());

  it('appends activity and pages it newest first, keeping detail as given', async () => {
    const log = new SqliteActivityLog(db);
    for (let i = 0; i < 5; i++) {
      await log.appendActivity({ draftId: 'draft-1', at: i, actor: i === 0 ? null : { id: 'a1', name: 'Rita' }, action: `a${i}`, flagId: 'f', detail: { i } });
    }
    const page = await log.listActivity('draft-1', { limit: 2 });
    expect(page.map((e) => e.action)).toEqual(['a4', 'a3']);
    const rest = await log.listActivity('draft-1', { limit: 10, before: page[1]!.id });
    expect(rest.map((e) => e.detail)).toEqual([{ i: 2 }, { i: 1 }, { i: 0 }]);
    expect(rest[2]!.actor).toBeNull();
    expect(await log.listActivity('other', { limit: 10 })).toEqual([]);
  });

  it('keeps each inbox to its account', async () => {
    const inbox = new SqliteInboxStore(db);
    const item = { accountId: 'a1', draftId: 'draft-1', flagId: 'f', kind: 'mention' as const, byId: 'b', byName: 'B', excerpt: 'hi' };
    await inbox.addInboxItems([{ ...item, id: 'i1', at: 1 }, { ...item, id: 'i2', at: 2 }]);
    expect((await inbox.listInboxItems('a1', 10)).map((i) => i.id)).toEqual(['i2', 'i1']);
    expect(await inbox.countUnread('a1')).toBe(2);
    expect(await inbox.markRead('someone-else', 'i1')).toBe(false);
    expect(await inbox.markRead('a1', 'i1')).toBe(true);
    expect(await inbox.countUnread('a1')).toBe(1);
    await inbox.markAllRead('a1');
    expect(await inbox.countUnread('a1')).toBe(0);
  });
});
