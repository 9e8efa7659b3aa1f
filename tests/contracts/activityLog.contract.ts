import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActivityLog, NewActivityEntry } from '../../server/storage/ActivityLog.ts';
import type { DocumentStore } from '../../server/storage/DocumentStore.ts';
import { GENESIS_HASH } from '../../server/storage/activityChain.ts';

/**
 * The ActivityLog contract: every backend runs it against a fresh, empty
 * database per test. The document store of the same database makes the
 * drafts entries belong to.
 */
export function describeActivityLogContract(
  name: string,
  makeStores: () => Promise<{
    log: ActivityLog;
    drafts: DocumentStore;
    cleanup: () => Promise<void>;
    /** Runs raw SQL on the same database, as an intruder with database access would. */
    exec: (sql: string) => Promise<void>;
  }>,
): void {
  describe(`ActivityLog contract: ${name}`, () => {
    let log: ActivityLog;
    let drafts: DocumentStore;
    let cleanup: () => Promise<void>;
    let exec: (sql: string) => Promise<void>;

    beforeEach(async () => {
      ({ log, drafts, cleanup, exec } = await makeStores());
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
      expect(first).toEqual({
        ...entry('draft-a', 1, { detail: { kind: 'claim', nested: { list: [1, 'two', null] } } }),
        id: first.id,
        prevHash: GENESIS_HASH,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(second.prevHash).toBe(first.hash);
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

    it('chains each draft’s entries by hash, and verify names the first tampered entry', async () => {
      const a1 = await log.appendActivity(entry('draft-a', 1));
      const b1 = await log.appendActivity(entry('draft-b', 2));
      const a2 = await log.appendActivity(entry('draft-a', 3));
      const a3 = await log.appendActivity(entry('draft-a', 4));
      expect(b1.prevHash).toBe(GENESIS_HASH);
      expect(a2.prevHash).toBe(a1.hash);
      expect(await log.verifyActivity('draft-a')).toEqual({ ok: true, entries: 3 });
      expect(await log.verifyActivity('draft-missing')).toEqual({ ok: true, entries: 0 });
      await exec(`UPDATE activity SET detail = '{"n":99}' WHERE id = ${a2.id}`);
      expect(await log.verifyActivity('draft-a')).toMatchObject({ ok: false, brokenAt: a2.id });
      expect(await log.verifyActivity('draft-b')).toEqual({ ok: true, entries: 1 });
      void a3;
    });

    it('links concurrent appends to one draft one after another', async () => {
      await Promise.all(Array.from({ length: 12 }, (_, n) => log.appendActivity(entry('draft-a', n))));
      expect(await log.verifyActivity('draft-a')).toEqual({ ok: true, entries: 12 });
    });
  });
}
