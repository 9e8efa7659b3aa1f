import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AccountStore } from '../../server/storage/AccountStore.ts';
import type { DocumentStore } from '../../server/storage/DocumentStore.ts';
import type { InboxStore, NewInboxItem } from '../../server/storage/InboxStore.ts';

/**
 * The InboxStore contract: every backend runs it against a fresh, empty
 * database per test. The document and account stores of the same database
 * make the drafts and accounts items belong to.
 */
export function describeInboxStoreContract(
  name: string,
  makeStores: () => Promise<{
    inbox: InboxStore;
    drafts: DocumentStore;
    accounts: AccountStore;
    cleanup: () => Promise<void>;
  }>,
): void {
  describe(`InboxStore contract: ${name}`, () => {
    let inbox: InboxStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      let drafts: DocumentStore;
      let accounts: AccountStore;
      ({ inbox, drafts, accounts, cleanup } = await makeStores());
      await drafts.createDraft({ id: 'draft-a', title: 'A', state: Y.encodeStateAsUpdate(new Y.Doc()) });
      for (const username of ['rita', 'sam']) {
        await accounts.createAccount({ id: `acc-${username}`, username, displayName: username, role: 'editor', passwordHash: 'h', createdAt: 1 });
      }
    });
    afterEach(async () => {
      await cleanup();
    });

    const item = (id: string, at: number, overrides: Partial<NewInboxItem> = {}): NewInboxItem => ({
      id,
      accountId: 'acc-rita',
      draftId: 'draft-a',
      flagId: 'flag-1',
      kind: 'mention',
      byId: 'acc-sam',
      byName: 'Sam',
      at,
      excerpt: `excerpt ${id}`,
      ...overrides,
    });

    it('lists an account’s items newest first (the later added first at the same time), at most `limit`, unread', async () => {
      await inbox.addInboxItems([item('i1', 10), item('i2', 30, { kind: 'assignment' }), item('i3', 20), item('i4', 30)]);
      await inbox.addInboxItems([item('other', 40, { accountId: 'acc-sam' })]);
      const listed = await inbox.listInboxItems('acc-rita', 10);
      expect(listed.map((i) => i.id)).toEqual(['i4', 'i2', 'i3', 'i1']);
      expect(listed[1]).toEqual({ ...item('i2', 30, { kind: 'assignment' }), read: false });
      expect((await inbox.listInboxItems('acc-rita', 2)).map((i) => i.id)).toEqual(['i4', 'i2']);
      expect(await inbox.listInboxItems('acc-nobody', 10)).toEqual([]);
    });

    it('adds nothing for an empty list, and a batch with a bad item not at all', async () => {
      await inbox.addInboxItems([]);
      await inbox.addInboxItems([item('i1', 10)]);
      await expect(inbox.addInboxItems([item('i2', 20), item('i1', 30)])).rejects.toBeDefined();
      await expect(inbox.addInboxItems([item('i3', 20), item('i4', 30, { draftId: 'draft-missing' })])).rejects.toBeDefined();
      expect((await inbox.listInboxItems('acc-rita', 10)).map((i) => i.id)).toEqual(['i1']);
    });

    it('counts unread items and marks them read, one (the owner’s only) or all', async () => {
      await inbox.addInboxItems([item('i1', 10), item('i2', 20), item('i3', 30), item('s1', 40, { accountId: 'acc-sam' })]);
      expect(await inbox.countUnread('acc-rita')).toBe(3);
      expect(await inbox.markRead('acc-sam', 'i1')).toBe(false);
      expect(await inbox.markRead('acc-rita', 'missing')).toBe(false);
      expect(await inbox.markRead('acc-rita', 'i1')).toBe(true);
      expect(await inbox.countUnread('acc-rita')).toBe(2);
      expect((await inbox.listInboxItems('acc-rita', 10)).find((i) => i.id === 'i1')?.read).toBe(true);
      await inbox.markAllRead('acc-rita');
      expect(await inbox.countUnread('acc-rita')).toBe(0);
      expect(await inbox.countUnread('acc-sam')).toBe(1);
    });
  });
}
