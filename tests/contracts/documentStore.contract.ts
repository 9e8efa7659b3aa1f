import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore, DraftRecord, StoredDraftState } from '../../server/storage/DocumentStore.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * The DocumentStore contract: every backend (SQLite today, Postgres later)
 * runs this same suite against a fresh, empty store per test. It speaks only
 * the interface, so a backend passes or fails it on behaviour alone.
 *
 * Usage, from a `*.test.ts` file:
 *   describeDocumentStoreContract('SqliteDocumentStore', async () => ({ store, cleanup }));
 */
export function describeDocumentStoreContract(
  name: string,
  makeStore: () => Promise<{ store: DocumentStore; cleanup: () => Promise<void> }>,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    /** Creates a draft whose initial state is a one-paragraph body, and returns its author doc. */
    async function createDraft(id: string, title = `Draft ${id}`, text = 'First line') {
      const doc = newDraftDoc(text);
      const record = await store.createDraft({ id, title, state: Y.encodeStateAsUpdate(doc) });
      return { doc, record };
    }

    async function mustLoad(id: string): Promise<StoredDraftState> {
      const state = await store.loadDraftState(id);
      if (!state) throw new Error(`draft ${id} did not load`);
      return state;
    }

    async function mustFind(id: string): Promise<DraftRecord> {
      const record = await store.findDraft(id);
      if (!record) throw new Error(`draft ${id} not found`);
      return record;
    }

    describe('drafts', () => {
      it('creates a draft and finds it again', async () => {
        const before = Date.now();
        const { record } = await createDraft('draft-create-1', 'Council budget vote');
        expect(record).toEqual({
          id: 'draft-create-1',
          title: 'Council budget vote',
          createdAt: expect.any(Number),
          updatedAt: record.createdAt,
        });
        // Milliseconds since the epoch (allowing a database clock a little skew).
        expect(record.createdAt).toBeGreaterThanOrEqual(before - 1000);
        expect(record.createdAt).toBeLessThanOrEqual(Date.now() + 1000);
        expect(await store.findDraft('draft-create-1')).toEqual(record);
      });

      it('returns undefined for a draft that does not exist', async () => {
        await createDraft('draft-exists');
        expect(await store.findDraft('draft-missing')).toBeUndefined();
        expect(await store.loadDraftState('draft-missing')).toBeUndefined();
        expect(await store.renameDraft('draft-missing', 'New title')).toBeUndefined();
        expect(await store.findDraft('draft-missing')).toBeUndefined();
      });

      it('counts drafts', async () => {
        expect(await store.countDrafts()).toBe(0);
        await createDraft('draft-count-1');
        await createDraft('draft-count-2');
        await createDraft('draft-count-3');
        expect(await store.countDrafts()).toBe(3);
      });

      it('lists drafts most recently updated first (creation, append and rename all count)', async () => {
        expect(await store.listDrafts()).toEqual([]);
        const a = await createDraft('draft-list-a');
        await nextMillisecond();
        await createDraft('draft-list-b');
        await nextMillisecond();
        await createDraft('draft-list-c');
        expect(ids(await store.listDrafts())).toEqual(['draft-list-c', 'draft-list-b', 'draft-list-a']);

        await nextMillisecond();
        await store.appendUpdates([{ draftId: 'draft-list-a', update: editOf(a.doc, 'more') }]);
        expect(ids(await store.listDrafts())).toEqual(['draft-list-a', 'draft-list-c', 'draft-list-b']);

        await nextMillisecond();
        await store.renameDraft('draft-list-b', 'Renamed');
        expect(ids(await store.listDrafts())).toEqual(['draft-list-b', 'draft-list-a', 'draft-list-c']);
        // The listing carries the same records findDraft gives.
        const listed = await store.listDrafts();
        for (const record of listed) expect(await store.findDraft(record.id)).toEqual(record);
      });

      it('renames a draft: new title, same createdAt, later updatedAt', async () => {
        const { record } = await createDraft('draft-rename', 'Old title');
        await nextMillisecond();
        const renamed = await store.renameDraft('draft-rename', 'New title');
        expect(renamed).toEqual({
          id: 'draft-rename',
          title: 'New title',
          createdAt: record.createdAt,
          updatedAt: expect.any(Number),
        });
        expect(renamed!.updatedAt).toBeGreaterThan(record.updatedAt);
        expect(await store.findDraft('draft-rename')).toEqual(renamed);
      });

      it('keeps drafts apart: titles and states of one never leak into another', async () => {
        await createDraft('draft-apart-1', 'One', 'Text of one');
        await createDraft('draft-apart-2', 'Two', 'Text of two');
        expect(bodyOf(await mustLoad('draft-apart-1'))).toBe('<paragraph>Text of one</paragraph>');
        expect(bodyOf(await mustLoad('draft-apart-2'))).toBe('<paragraph>Text of two</paragraph>');
        expect((await mustFind('draft-apart-2')).title).toBe('Two');
      });
    });

    describe('draft state', () => {
      it('loads a new draft as its initial state and no updates', async () => {
        const { doc } = await createDraft('draft-initial', 'Initial', 'Hello desk');
        const state = await mustLoad('draft-initial');
        expect(state.updates).toEqual([]);
        expect(state.lastSeq).toBe(0);
        expect(state.snapshot).not.toBeNull();
        expectSameDoc(docOf(state), doc);
      });

      it('round-trips appended updates: load gives a doc equal to the source doc', async () => {
        const { doc } = await createDraft('draft-roundtrip', 'Round trip', 'Hello');
        const updates = editsOf(doc, [
          (d) => textOf(d).insert(5, ' world'),
          (d) => textOf(d).format(0, 5, { bold: true }),
          (d) => d.getXmlFragment('body').insert(1, [paragraph('Second paragraph')]),
          (d) => textOf(d).delete(0, 1),
        ]);
        const seqs = await store.appendUpdates(updates.map((update) => ({ draftId: 'draft-roundtrip', update })));
        const state = await mustLoad('draft-roundtrip');
        expect(state.updates.map(toArray)).toEqual(updates.map(toArray));
        expect(state.lastSeq).toBe(seqs[seqs.length - 1]);
        expectSameDoc(docOf(state), doc);
      });

      it('stores exactly the bytes of a Uint8Array view into a larger buffer', async () => {
        const { doc } = await createDraft('draft-view');
        const update = editOf(doc, ' viewed');
        const pool = new Uint8Array(update.byteLength + 16).fill(0xab);
        pool.set(update, 9);
        await store.appendUpdates([{ draftId: 'draft-view', update: pool.subarray(9, 9 + update.byteLength) }]);
        const state = await mustLoad('draft-view');
        expect(state.updates.map(toArray)).toEqual([toArray(update)]);
      });

      it('returns increasing sequence numbers, in batch order, across drafts and batches', async () => {
        const a = await createDraft('draft-seq-a');
        const b = await createDraft('draft-seq-b');
        const a1 = editOf(a.doc, ' a1');
        const b1 = editOf(b.doc, ' b1');
        const a2 = editOf(a.doc, ' a2');
        const first = await store.appendUpdates([
          { draftId: 'draft-seq-a', update: a1 },
          { draftId: 'draft-seq-b', update: b1 },
          { draftId: 'draft-seq-a', update: a2 },
        ]);
        expect(first).toHaveLength(3);
        expectIncreasing(first);
        const second = await store.appendUpdates([{ draftId: 'draft-seq-b', update: editOf(b.doc, ' b2') }]);
        expect(second).toHaveLength(1);
        expect(second[0]).toBeGreaterThan(first[2]!);

        const stateA = await mustLoad('draft-seq-a');
        expect(stateA.updates.map(toArray)).toEqual([toArray(a1), toArray(a2)]);
        expect(stateA.lastSeq).toBe(first[2]);
        expectSameDoc(docOf(stateA), a.doc);
        const stateB = await mustLoad('draft-seq-b');
        expect(stateB.lastSeq).toBe(second[0]);
        expectSameDoc(docOf(stateB), b.doc);
      });

      it('appends an empty batch as nothing', async () => {
        expect(await store.appendUpdates([])).toEqual([]);
      });

      it('touches updatedAt of every draft in a batch, and only those', async () => {
        const a = await createDraft('draft-touch-a');
        const b = await createDraft('draft-touch-b');
        await createDraft('draft-touch-c');
        const before = await store.listDrafts();
        await nextMillisecond();
        await store.appendUpdates([
          { draftId: 'draft-touch-a', update: editOf(a.doc, ' a') },
          { draftId: 'draft-touch-b', update: editOf(b.doc, ' b') },
          { draftId: 'draft-touch-a', update: editOf(a.doc, ' a again') },
        ]);
        const updatedAt = (id: string, records: DraftRecord[]) => records.find((r) => r.id === id)!.updatedAt;
        const after = await store.listDrafts();
        expect(updatedAt('draft-touch-a', after)).toBeGreaterThan(updatedAt('draft-touch-a', before));
        expect(updatedAt('draft-touch-b', after)).toBeGreaterThan(updatedAt('draft-touch-b', before));
        expect(updatedAt('draft-touch-c', after)).toBe(updatedAt('draft-touch-c', before));
        expect((await mustFind('draft-touch-a')).createdAt).toBe(a.record.createdAt);
      });

      it('fails a batch with an update for a missing draft whole: nothing of it is stored', async () => {
        const a = await createDraft('draft-rollback-a');
        const b = await createDraft('draft-rollback-b');
        const [kept] = await store.appendUpdates([{ draftId: 'draft-rollback-a', update: editOf(a.doc, ' kept') }]);
        const beforeA = await mustLoad('draft-rollback-a');
        const beforeB = await mustLoad('draft-rollback-b');
        const beforeList = await store.listDrafts();
        await nextMillisecond();

        // Edits made on copies, so that a.doc and b.doc keep matching what is stored.
        await expect(
          store.appendUpdates([
            { draftId: 'draft-rollback-a', update: editOf(forkOf(a.doc), ' lost') },
            { draftId: 'draft-rollback-missing', update: editOf(newDraftDoc('x'), ' orphan') },
            { draftId: 'draft-rollback-b', update: editOf(forkOf(b.doc), ' lost too') },
          ]),
        ).rejects.toBeDefined();

        expect(stateBytes(await mustLoad('draft-rollback-a'))).toEqual(stateBytes(beforeA));
        expect(stateBytes(await mustLoad('draft-rollback-b'))).toEqual(stateBytes(beforeB));
        expect(await store.countPendingUpdates('draft-rollback-a')).toBe(1);
        expect(await store.countPendingUpdates('draft-rollback-b')).toBe(0);
        expect(await store.listDrafts()).toEqual(beforeList);
        expect(await store.findDraft('draft-rollback-missing')).toBeUndefined();

        // The store is still usable, and sequence numbers still only go up.
        const [next] = await store.appendUpdates([{ draftId: 'draft-rollback-b', update: editOf(b.doc, ' ok') }]);
        expect(next).toBeGreaterThan(kept!);
        expectSameDoc(docOf(await mustLoad('draft-rollback-b')), b.doc);
        expectSameDoc(docOf(await mustLoad('draft-rollback-a')), a.doc);
      });
    });

    describe('client id owners (CS21)', () => {
      it('stores the claims that come with an update, per draft; a later claim of an owned id leaves the first owner', async () => {
        const a = await createDraft('draft-claims-a');
        const b = await createDraft('draft-claims-b');
        expect(await store.loadClientOwners('draft-claims-a')).toEqual(new Map());
        await store.appendUpdates([
          { draftId: 'draft-claims-a', update: editOf(a.doc, ' one'), claims: [{ clientId: 11, accountId: 'alice' }] },
          { draftId: 'draft-claims-b', update: editOf(b.doc, ' two'), claims: [{ clientId: 11, accountId: 'bob' }] },
          // The same id claimed twice in one batch: the first stands.
          { draftId: 'draft-claims-a', update: editOf(a.doc, ' three'), claims: [{ clientId: 4294967295, accountId: 'bob' }, { clientId: 11, accountId: 'bob' }] },
        ]);
        await store.appendUpdates([{ draftId: 'draft-claims-a', update: editOf(a.doc, ' four'), claims: [{ clientId: 11, accountId: 'carol' }] }]);
        expect(await store.loadClientOwners('draft-claims-a')).toEqual(new Map([[11, 'alice'], [4294967295, 'bob']]));
        expect(await store.loadClientOwners('draft-claims-b')).toEqual(new Map([[11, 'bob']]));
        expect(await store.loadClientOwners('draft-claims-missing')).toEqual(new Map());
      });

      it('keeps no claim of a batch that failed', async () => {
        const a = await createDraft('draft-claims-rollback');
        await expect(
          store.appendUpdates([
            { draftId: 'draft-claims-rollback', update: editOf(forkOf(a.doc), ' lost'), claims: [{ clientId: 5, accountId: 'alice' }] },
            { draftId: 'draft-claims-nowhere', update: editOf(newDraftDoc('x'), ' orphan'), claims: [{ clientId: 6, accountId: 'alice' }] },
          ]),
        ).rejects.toBeDefined();
        expect(await store.loadClientOwners('draft-claims-rollback')).toEqual(new Map());
      });
    });

    describe('compaction', () => {
      /** A draft with three stored updates, the doc that wrote them, and their sequence numbers. */
      async function draftWithUpdates(id: string) {
        const { doc } = await createDraft(id, id, 'Compaction');
        const updates = editsOf(doc, [
          (d) => textOf(d).insert(10, ' of'),
          (d) => textOf(d).insert(13, ' updates'),
          (d) => textOf(d).delete(0, 4),
        ]);
        const seqs = await store.appendUpdates(updates.map((update) => ({ draftId: id, update })));
        return { doc, updates, seqs };
      }

      it('[CS12] loads the same doc after compaction as before', async () => {
        const { doc, seqs } = await draftWithUpdates('draft-compact');
        const before = await mustLoad('draft-compact');
        const loaded = docOf(before);
        expectSameDoc(loaded, doc);

        await store.compactDraft('draft-compact', Y.encodeStateAsUpdate(loaded), before.lastSeq);

        const after = await mustLoad('draft-compact');
        expect(after.updates).toEqual([]);
        expect(after.lastSeq).toBe(seqs[2]);
        expect(await store.countPendingUpdates('draft-compact')).toBe(0);
        expectSameDoc(docOf(after), loaded);
      });

      it('[CS12] keeps updates after the compaction point, including ones appended meanwhile', async () => {
        const { doc, updates, seqs } = await draftWithUpdates('draft-compact-keep');
        // The room took its snapshot after the first update only...
        const stored = await mustLoad('draft-compact-keep');
        const atFirst = docOf({ ...stored, updates: stored.updates.slice(0, 1) });
        // ...and an update arrived while the compaction was in flight.
        const late = editOf(doc, ' late');
        const [lateSeq] = await store.appendUpdates([{ draftId: 'draft-compact-keep', update: late }]);

        await store.compactDraft('draft-compact-keep', Y.encodeStateAsUpdate(atFirst), seqs[0]!);

        const after = await mustLoad('draft-compact-keep');
        expect(after.updates.map(toArray)).toEqual([updates[1]!, updates[2]!, late].map(toArray));
        expect(after.lastSeq).toBe(lateSeq);
        expect(await store.countPendingUpdates('draft-compact-keep')).toBe(3);
        expectSameDoc(docOf(after), doc);
      });

      it('[CS12] ignores a stale compaction (not past the current snapshot)', async () => {
        const { doc, seqs } = await draftWithUpdates('draft-compact-stale');
        const full = docOf(await mustLoad('draft-compact-stale'));
        await store.compactDraft('draft-compact-stale', Y.encodeStateAsUpdate(full), seqs[2]!);
        const settled = await mustLoad('draft-compact-stale');

        const older = newDraftDoc('A stale snapshot that must not win');
        await store.compactDraft('draft-compact-stale', Y.encodeStateAsUpdate(older), seqs[1]!);
        expect(stateBytes(await mustLoad('draft-compact-stale'))).toEqual(stateBytes(settled));
        // The same point again is not past it either.
        await store.compactDraft('draft-compact-stale', Y.encodeStateAsUpdate(older), seqs[2]!);
        expect(stateBytes(await mustLoad('draft-compact-stale'))).toEqual(stateBytes(settled));
        expectSameDoc(docOf(await mustLoad('draft-compact-stale')), doc);
      });

      it('[CS12] gives updates appended after a compaction sequence numbers past it', async () => {
        const { doc, seqs } = await draftWithUpdates('draft-compact-after');
        const full = docOf(await mustLoad('draft-compact-after'));
        await store.compactDraft('draft-compact-after', Y.encodeStateAsUpdate(full), seqs[2]!);

        const next = editOf(doc, ' next');
        const [nextSeq] = await store.appendUpdates([{ draftId: 'draft-compact-after', update: next }]);
        expect(nextSeq).toBeGreaterThan(seqs[2]!);
        const after = await mustLoad('draft-compact-after');
        expect(after.updates.map(toArray)).toEqual([toArray(next)]);
        expect(after.lastSeq).toBe(nextSeq);
        expectSameDoc(docOf(after), doc);
      });

      it('[CS12] compacting one draft leaves another draft\u2019s updates alone', async () => {
        const a = await createDraft('draft-compact-a');
        const b = await createDraft('draft-compact-b');
        const seqs = await store.appendUpdates([
          { draftId: 'draft-compact-b', update: editOf(b.doc, ' b1') },
          { draftId: 'draft-compact-a', update: editOf(a.doc, ' a1') },
          { draftId: 'draft-compact-b', update: editOf(b.doc, ' b2') },
        ]);
        const stateA = await mustLoad('draft-compact-a');
        // Draft a's point lies past b's first update.
        await store.compactDraft('draft-compact-a', Y.encodeStateAsUpdate(docOf(stateA)), seqs[1]!);
        expect(await store.countPendingUpdates('draft-compact-b')).toBe(2);
        expectSameDoc(docOf(await mustLoad('draft-compact-b')), b.doc);
        expectSameDoc(docOf(await mustLoad('draft-compact-a')), a.doc);
      });

      it('counts the updates stored after the snapshot', async () => {
        const { doc } = await createDraft('draft-pending');
        expect(await store.countPendingUpdates('draft-pending')).toBe(0);
        const seqs = await store.appendUpdates(
          editsOf(doc, [(d) => textOf(d).insert(0, '1'), (d) => textOf(d).insert(0, '2')]).map((update) => ({
            draftId: 'draft-pending',
            update,
          })),
        );
        expect(await store.countPendingUpdates('draft-pending')).toBe(2);
        const stored = await mustLoad('draft-pending');
        await store.compactDraft(
          'draft-pending',
          Y.encodeStateAsUpdate(docOf({ ...stored, updates: stored.updates.slice(0, 1) })),
          seqs[0]!,
        );
        expect(await store.countPendingUpdates('draft-pending')).toBe(1);
      });
    });
  });
}

// ---------------------------------------------------------------------------
// Helpers (pure; no store)
// ---------------------------------------------------------------------------

let nextClientId = 1000;

const paragraph = (text: string): Y.XmlElement => {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
};

/** A doc with one paragraph under `body`, as a new draft's initial state. */
function newDraftDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = nextClientId++;
  doc.getXmlFragment('body').insert(0, [paragraph(text)]);
  return doc;
}

/** Another client's copy of `doc`: its edits are not `doc`'s. */
function forkOf(doc: Y.Doc): Y.Doc {
  const fork = new Y.Doc();
  fork.clientID = nextClientId++;
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc));
  return fork;
}

const textOf = (doc: Y.Doc): Y.XmlText => (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Applies each edit in its own transaction and returns the updates, in order. */
function editsOf(doc: Y.Doc, edits: Array<(doc: Y.Doc) => void>): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  for (const edit of edits) doc.transact(() => edit(doc));
  doc.off('update', listener);
  return updates;
}

/** Appends `suffix` to the first paragraph; returns the update. */
const editOf = (doc: Y.Doc, suffix: string): Uint8Array =>
  editsOf(doc, [(d) => textOf(d).insert(textOf(d).length, suffix)])[0]!;

/** Builds the doc a stored state describes; fails if anything is left pending. */
function docOf(state: StoredDraftState): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
  });
  expect(doc.store.pendingStructs, 'stored state leaves structs pending').toBeNull();
  expect(doc.store.pendingDs, 'stored state leaves deletes pending').toBeNull();
  return doc;
}

const bodyOf = (state: StoredDraftState): string => docOf(state).getXmlFragment('body').toString();

/** Same content (body as XML, with formatting) and same state vector. */
function expectSameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.getXmlFragment('body').toJSON()).toBe(expected.getXmlFragment('body').toJSON());
  expect(bodyDelta(actual)).toEqual(bodyDelta(expected));
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
}

/** Each paragraph's text with its formatting, which toJSON may not show. */
const bodyDelta = (doc: Y.Doc): unknown[] =>
  doc
    .getXmlFragment('body')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child as Y.XmlText).toDelta()) : null));

const toArray = (bytes: Uint8Array): number[] => [...bytes];

/** A stored state as plain arrays, for exact comparison. */
const stateBytes = (state: StoredDraftState) => ({
  snapshot: state.snapshot && toArray(state.snapshot),
  updates: state.updates.map(toArray),
  lastSeq: state.lastSeq,
});

const ids = (records: DraftRecord[]): string[] => records.map((record) => record.id);

function expectIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
}

/** Resolves once the clock has moved on by at least 2 ms, so timestamps taken before and after differ. */
async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  await waitFor(() => Date.now() >= start + 2, 'the clock to move on', 1000, 1);
}
