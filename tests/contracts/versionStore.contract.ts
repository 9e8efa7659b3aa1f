import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../server/storage/DocumentStore.ts';
import type { SignoffRecord, StoredVersion, VersionStore } from '../../server/storage/VersionStore.ts';

/**
 * The VersionStore contract: every backend runs it against a fresh database
 * per test. `exec` runs raw SQL on the same database, as someone with
 * database access would, to prove the sign-off rows refuse changes.
 */
export function describeVersionStoreContract(
  name: string,
  makeStores: () => Promise<{
    versions: VersionStore;
    drafts: DocumentStore;
    exec: (sql: string) => Promise<void>;
    cleanup: () => Promise<void>;
  }>,
): void {
  describe(`VersionStore contract: ${name}`, () => {
    let versions: VersionStore;
    let drafts: DocumentStore;
    let exec: (sql: string) => Promise<void>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ versions, drafts, exec, cleanup } = await makeStores());
      for (const id of ['draft-a', 'draft-b']) {
        await drafts.createDraft({ id, title: id, state: Y.encodeStateAsUpdate(new Y.Doc()) });
      }
    });
    afterEach(async () => {
      await cleanup();
    });

    const version = (id: string, draftId = 'draft-a', at = 1_000): StoredVersion => ({
      id,
      draftId,
      name: `version ${id}`,
      kind: 'named',
      createdAt: at,
      author: { id: 'acc-1', name: 'Eddie Editor' },
      wordCount: 42,
      state: new Uint8Array([1, 2, 3, 0, 255]),
    });
    const signoff = (id: string, versionId: string): SignoffRecord => ({
      id,
      draftId: 'draft-a',
      versionId,
      hash: 'ab'.repeat(32),
      by: { id: 'acc-9', name: 'Chris Chief' },
      at: 5_000,
      note: 'after legal read',
      override: 'court record checked by phone',
      openFlags: [{ id: 'f1', kind: 'legal-risk', quote: 'took a bribe', status: 'open' }],
    });

    it('stores versions with their state, lists them newest first without it, and finds one per draft', async () => {
      await versions.storeVersion(version('v1', 'draft-a', 1_000));
      await versions.storeVersion({ ...version('v2', 'draft-a', 2_000), kind: 'checkpoint', author: null });
      await versions.storeVersion(version('v3', 'draft-b', 3_000));
      const listed = await versions.listVersions('draft-a');
      expect(listed.map((v) => v.id)).toEqual(['v2', 'v1']);
      expect(listed[0]).toEqual({ ...version('v2', 'draft-a', 2_000), kind: 'checkpoint', author: null, state: undefined });
      const found = await versions.findVersion('draft-a', 'v1');
      expect(found).toEqual(version('v1'));
      expect(await versions.findVersion('draft-a', 'v3')).toBeUndefined();
      expect(await versions.listVersions('draft-missing')).toEqual([]);
      await expect(versions.storeVersion(version('v9', 'draft-missing'))).rejects.toBeDefined();
    });

    it('stores sign-offs and lists them newest first, every field intact', async () => {
      await versions.storeVersion(version('v1'));
      await versions.storeVersion(version('v2'));
      await versions.storeSignoff(signoff('s1', 'v1'));
      await versions.storeSignoff({ ...signoff('s2', 'v2'), override: null, openFlags: [] });
      expect(await versions.listSignoffs('draft-a')).toEqual([
        { ...signoff('s2', 'v2'), override: null, openFlags: [] },
        signoff('s1', 'v1'),
      ]);
      await expect(versions.storeSignoff(signoff('s1', 'v2'))).rejects.toBeDefined();
      await expect(versions.storeSignoff(signoff('s3', 'v-missing'))).rejects.toBeDefined();
    });

    it('refuses any change to a sign-off: no store call exists, and the database refuses UPDATE and DELETE', async () => {
      await versions.storeVersion(version('v1'));
      await versions.storeSignoff(signoff('s1', 'v1'));
      const calls = Object.getOwnPropertyNames(Object.getPrototypeOf(versions));
      expect(calls.filter((call) => /signoff/i.test(call)).sort()).toEqual(['listSignoffs', 'storeSignoff']);
      await expect(exec(`UPDATE signoffs SET note = 'rewritten' WHERE id = 's1'`)).rejects.toThrow(/immutable/);
      await expect(exec(`UPDATE signoffs SET hash = '00' WHERE id = 's1'`)).rejects.toThrow(/immutable/);
      await expect(exec(`DELETE FROM signoffs WHERE id = 's1'`)).rejects.toThrow(/immutable/);
      expect(await versions.listSignoffs('draft-a')).toEqual([signoff('s1', 'v1')]);
    });

    it('keeps one desk state per draft, replaced on each store', async () => {
      await versions.storeDeskState({ draftId: 'draft-a', state: 'in-review', locked: false, updatedAt: 1 });
      await versions.storeDeskState({ draftId: 'draft-a', state: 'signed-off', locked: true, updatedAt: 2 });
      await versions.storeDeskState({ draftId: 'draft-b', state: 'legal-review', locked: false, updatedAt: 3 });
      const states = (await versions.listDeskStates()).sort((a, b) => a.draftId.localeCompare(b.draftId));
      expect(states).toEqual([
        { draftId: 'draft-a', state: 'signed-off', locked: true, updatedAt: 2 },
        { draftId: 'draft-b', state: 'legal-review', locked: false, updatedAt: 3 },
      ]);
    });
  });
}
