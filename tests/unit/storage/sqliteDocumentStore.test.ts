import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_MIGRATIONS } from '../../../server/storage/sqlite/migrations.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';

/** SQLite-specific behaviour; everything a backend must do is in tests/contracts/. */
describe('SqliteDocumentStore on a file', () => {
  let dir: string;
  let file: string;
  const open: SqliteDocumentStore[] = [];

  const openStore = (options?: ConstructorParameters<typeof SqliteDocumentStore>[1]) => {
    const store = new SqliteDocumentStore(file, options);
    open.push(store);
    return store;
  };

  /** Reads a pragma through a separate connection (the store keeps its own private). */
  const pragma = (name: string): unknown => {
    const db = new Database(file, { readonly: true });
    try {
      return db.pragma(name, { simple: true });
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-sqlite-'));
    file = path.join(dir, 'drafts.sqlite');
  });

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  function draftDoc(text: string): Y.Doc {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('body').insert(0, [paragraph]);
    return doc;
  }

  function appendText(doc: Y.Doc, text: string): Uint8Array {
    let update: Uint8Array | undefined;
    const listener = (u: Uint8Array) => (update = u);
    doc.on('update', listener);
    const node = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    node.insert(node.length, text);
    doc.off('update', listener);
    return update!;
  }

  function loadBody(state: { snapshot: Uint8Array | null; updates: Uint8Array[] } | undefined): string {
    if (!state) throw new Error('draft did not load');
    const doc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
    return doc.getXmlFragment('body').toString();
  }

  it('migrates a new file to the latest schema: user_version is the number of migrations', async () => {
    const store = openStore();
    await store.close();
    expect(SQLITE_MIGRATIONS.length).toBeGreaterThan(0);
    expect(pragma('user_version')).toBe(SQLITE_MIGRATIONS.length);
  });

  it('reopens an existing file without migrating again, keeping every draft, update and snapshot', async () => {
    const first = openStore({ now: () => 1_700_000_000_000 });
    const docA = draftDoc('Alpha');
    const docB = draftDoc('Beta');
    await first.createDraft({ id: 'draft-alpha', title: 'Alpha', state: Y.encodeStateAsUpdate(docA) });
    await first.createDraft({ id: 'draft-beta', title: 'Beta', state: Y.encodeStateAsUpdate(docB) });
    const seqs = await first.appendUpdates([
      { draftId: 'draft-alpha', update: appendText(docA, ' one') },
      { draftId: 'draft-beta', update: appendText(docB, ' two') },
      { draftId: 'draft-alpha', update: appendText(docA, ' three') },
    ]);
    // Alpha is compacted through its first update; its second stays an update.
    const stored = await first.loadDraftState('draft-alpha');
    const fromStored = new Y.Doc();
    Y.applyUpdate(fromStored, stored!.snapshot!);
    Y.applyUpdate(fromStored, stored!.updates[0]!);
    await first.compactDraft('draft-alpha', Y.encodeStateAsUpdate(fromStored), seqs[0]!);
    await first.renameDraft('draft-beta', 'Beta, renamed');
    const listBefore = await first.listDrafts();
    const alphaBefore = await first.loadDraftState('draft-alpha');
    const betaBefore = await first.loadDraftState('draft-beta');
    await first.close();

    for (let round = 0; round < 3; round++) {
      // Migrations that ran twice would fail here ("table drafts already exists").
      const reopened = openStore();
      expect(await reopened.listDrafts()).toEqual(listBefore);
      expect(await reopened.countDrafts()).toBe(2);
      expect(await reopened.loadDraftState('draft-alpha')).toEqual(alphaBefore);
      expect(await reopened.loadDraftState('draft-beta')).toEqual(betaBefore);
      expect(await reopened.countPendingUpdates('draft-alpha')).toBe(1);
      expect(loadBody(await reopened.loadDraftState('draft-alpha'))).toBe(
        docA.getXmlFragment('body').toString(),
      );
      expect(loadBody(await reopened.loadDraftState('draft-beta'))).toBe(docB.getXmlFragment('body').toString());
      await reopened.close();
      expect(pragma('user_version')).toBe(SQLITE_MIGRATIONS.length);
    }
  });

  it('keeps sequence numbers rising across a reopen, even after compaction deleted the newest rows', async () => {
    const store = openStore();
    const doc = draftDoc('Gamma');
    await store.createDraft({ id: 'draft-gamma', title: 'Gamma', state: Y.encodeStateAsUpdate(doc) });
    const seqs = await store.appendUpdates([
      { draftId: 'draft-gamma', update: appendText(doc, ' a') },
      { draftId: 'draft-gamma', update: appendText(doc, ' b') },
    ]);
    await store.compactDraft('draft-gamma', Y.encodeStateAsUpdate(doc), seqs[1]!);
    await store.close();

    const reopened = openStore();
    const [next] = await reopened.appendUpdates([{ draftId: 'draft-gamma', update: appendText(doc, ' c') }]);
    expect(next).toBeGreaterThan(seqs[1]!);
    const state = await reopened.loadDraftState('draft-gamma');
    expect(state!.updates).toHaveLength(1);
    expect(loadBody(state)).toBe(doc.getXmlFragment('body').toString());
  });

  it('[CS12] deletes the folded update rows from the file, and only those', async () => {
    const store = openStore();
    const doc = draftDoc('Epsilon');
    const other = draftDoc('Zeta');
    await store.createDraft({ id: 'draft-epsilon', title: 'Epsilon', state: Y.encodeStateAsUpdate(doc) });
    await store.createDraft({ id: 'draft-zeta', title: 'Zeta', state: Y.encodeStateAsUpdate(other) });
    const seqs = await store.appendUpdates([
      { draftId: 'draft-epsilon', update: appendText(doc, ' 1') },
      { draftId: 'draft-zeta', update: appendText(other, ' 1') },
      { draftId: 'draft-epsilon', update: appendText(doc, ' 2') },
    ]);
    const atFirst = draftDoc('Epsilon');
    const stored = await store.loadDraftState('draft-epsilon');
    Y.applyUpdate(atFirst, stored!.snapshot!);
    Y.applyUpdate(atFirst, stored!.updates[0]!);
    await store.compactDraft('draft-epsilon', Y.encodeStateAsUpdate(atFirst), seqs[0]!);
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT draft_id, seq FROM draft_updates ORDER BY seq').all();
      expect(rows).toEqual([
        { draft_id: 'draft-zeta', seq: seqs[1] },
        { draft_id: 'draft-epsilon', seq: seqs[2] },
      ]);
    } finally {
      db.close();
    }
  });

  it('uses the clock it is given for timestamps', async () => {
    let now = 1_000;
    const store = openStore({ now: () => now });
    const doc = draftDoc('Delta');
    const created = await store.createDraft({ id: 'draft-delta', title: 'Delta', state: Y.encodeStateAsUpdate(doc) });
    expect(created).toMatchObject({ createdAt: 1_000, updatedAt: 1_000 });
    now = 2_000;
    await store.appendUpdates([{ draftId: 'draft-delta', update: appendText(doc, '!') }]);
    expect(await store.findDraft('draft-delta')).toMatchObject({ createdAt: 1_000, updatedAt: 2_000 });
    now = 3_000;
    expect(await store.renameDraft('draft-delta', 'Delta 2')).toMatchObject({ createdAt: 1_000, updatedAt: 3_000 });
  });

  it('runs in WAL mode', async () => {
    const store = openStore();
    await store.close();
    expect(pragma('journal_mode')).toBe('wal');
  });

  it('can be closed twice', async () => {
    const store = openStore();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
