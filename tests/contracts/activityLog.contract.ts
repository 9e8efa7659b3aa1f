import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActivityLog, NewActivityEntry } from '../../server/storage/ActivityLog.ts';
import type { DocumentStore } from '../../server/storage/DocumentStore.ts';

/**
 * The ActivityLog contract: every backend runs it against a fresh, empty
 * database per test. The document store of the same database makes the
 * drafts entries belong to.
 */
export function describeActivityLogContract(
  name: string,
  makeStores: () => Promise<{ log: ActivityLog; drafts: DocumentStore; cleanup: () => Promise<void> }>,
): void {
  describe(`ActivityLog contract: ${name}`, () => {
    let log: ActivityLog;
    let drafts: DocumentStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ log, drafts, cleanup } = await makeStores());
      for (const id of ['draft-a', 'draft-b']) {
        await drafts.createDraft({ id, title: id, state: Y.encodeStateAsUpdate(new Y.Doc()) });
      }
    });
    afterEach(async () => {
      await cleanup();
    });

    const entry = (draftId: string, n: number, overrides: Partial<NewActivityEntry> = {}): NewActivityEntry => ({
      draftId,
      at: 1_000 + n,
      actor: { id: 'acc-1', name: 'Eddie Editor' },
      action: 'flag.created',
      flagId: `flag-${n}`,
      detail: { n },
      ...overrides,
    });

    it('appends entries with increasing ids and lists a draft’s newest first, every field intact', async () => {
      const first = await log.appendActivity(entry('draft-a', 1, { detail: { kind: 'claim', nested: { list: [1, 'two', null] } } }));
      const second = await log.appendActivity(entry('draft-a', 2, { actor: null, flagId: null, action: 'draft.restored' }));
      expect(second.id).toBeGreaterThan(first.id);
      expect(first).toEqual({ ...entry('draft-a', 1, { detail: { kind: 'claim', nested: { list: [1, 'two', null] } } }), id: first.id });
      expect(await log.listActivity('draft-a', { limit: 10 })).toEqual([second, first]);
    });

    it('keeps drafts apart, and lists nothing for an unknown draft', async () => {
      const a = await log.appendActivity(entry('draft-a', 1));
      const b = await log.appendActivity(entry('draft-b', 2));
      expect(await log.listActivity('draft-a', { limit: 10 })).toEqual([a]);
      expect(await log.listActivity('draft-b', { limit: 10 })).toEqual([b]);
      expect(await log.listActivity('draft-missing', { limit: 10 })).toEqual([]);
    });

    it('pages: at most `limit`, and only entries before the given id', async () => {
      const appended = [];
      for (let n = 1; n <= 5; n++) appended.push(await log.appendActivity(entry('draft-a', n)));
      const ids = appended.map((e) => e.id).reverse();
      const page1 = await log.listActivity('draft-a', { limit: 2 });
      expect(page1.map((e) => e.id)).toEqual(ids.slice(0, 2));
      const page2 = await log.listActivity('draft-a', { limit: 2, before: page1[1]!.id });
      expect(page2.map((e) => e.id)).toEqual(ids.slice(2, 4));
      const page3 = await log.listActivity('draft-a', { limit: 2, before: page2[1]!.id });
      expect(page3.map((e) => e.id)).toEqual(ids.slice(4));
    });

    it('refuses an entry for a draft that does not exist', async () => {
      await expect(log.appendActivity(entry('draft-missing', 1))).rejects.toBeDefined();
      expect(await log.listActivity('draft-missing', { limit: 10 })).toEqual([]);
    });
  });
}
