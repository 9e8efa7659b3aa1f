import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDraft } from '../../../server/collab/loadDraft.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import type { StoredDraftState } from '../../../server/storage/DocumentStore.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';
import { appendParagraph, bodyString, connectClient, type TestClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/** A real SQLite store that counts how often each draft is read back whole. */
class CountingStore extends SqliteDocumentStore {
  readonly loads = new Map<string, number>();
  override async loadDraftState(id: string): Promise<StoredDraftState | undefined> {
    this.loads.set(id, (this.loads.get(id) ?? 0) + 1);
    return super.loadDraftState(id);
  }
}

describe('two clients on one draft', () => {
  let server: TestServer;
  let token: string;
  const clients: TestClient[] = [];
  const open = (draftId: string, user?: { id: string; name: string }) => {
    const client = connectClient(server.collabUrl, draftId, { token, user });
    clients.push(client);
    return client;
  };
  const createDraft = async () =>
    (await server.store.createDraft({ id: `draft-${Math.random().toString(36).slice(2, 10)}`, title: 'T', state: emptyDraftState() })).id;

  beforeEach(async () => {
    server = await startTestServer();
    token = await server.tokenFor('editor');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.dispose();
  });

  it('[CS4] delivers each edit to the other client, which converges byte for byte', async () => {
    const draftId = await createDraft();
    const alice = open(draftId);
    const bob = open(draftId);
    await Promise.all([alice.waitSynced(), bob.waitSynced()]);

    appendParagraph(alice.doc, 'Alice writes the lede.');
    await waitFor(() => bodyString(bob.doc).includes('Alice writes the lede.'), 'Bob to see Alice');
    appendParagraph(bob.doc, 'Bob adds a quote.');
    await waitFor(() => bodyString(alice.doc).includes('Bob adds a quote.'), 'Alice to see Bob');

    expect(bodyString(alice.doc)).toBe(bodyString(bob.doc));
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc));
  });

  it('[CS4] gives a client that holds nothing the whole draft as it is now, edits since loading included', async () => {
    // Loaded from a snapshot alone: the first fresh client is answered with the stored bytes.
    const draftId = await createDraft();
    const alice = open(draftId);
    await alice.waitSynced();
    appendParagraph(alice.doc, 'after loading');
    await waitFor(async () => (await server.store.countPendingUpdates(draftId)) >= 1, 'the edit to be stored');

    const bob = open(draftId);
    await bob.waitSynced();
    expect(bodyString(bob.doc)).toContain('after loading');
    appendParagraph(bob.doc, 'second edit');
    await waitFor(() => bodyString(alice.doc).includes('second edit'), 'Alice to see Bob');

    const carol = open(draftId);
    await carol.waitSynced();
    expect(bodyString(carol.doc)).toBe(bodyString(alice.doc));
    expect(Y.encodeStateVector(carol.doc)).toEqual(Y.encodeStateVector(alice.doc));
  });

  it('[CS4] stores an edit before anyone else sees it', async () => {
    const draftId = await createDraft();
    const alice = open(draftId);
    const bob = open(draftId);
    await Promise.all([alice.waitSynced(), bob.waitSynced()]);

    appendParagraph(alice.doc, 'durable first');
    await waitFor(() => bodyString(bob.doc).includes('durable first'), 'Bob to see the edit');
    // Whatever Bob has seen is already in the database.
    const stored = await server.store.loadDraftState(draftId);
    const fromDisk = new Y.Doc();
    if (stored?.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
    for (const update of stored?.updates ?? []) Y.applyUpdate(fromDisk, update);
    expect(bodyString(fromDisk)).toContain('durable first');
  });

  it('[CS17] lists the people in a draft by their accounts on the drafts list', async () => {
    const draftId = await createDraft();
    const alice = open(draftId, { id: 'test-editor', name: 'Eddie Editor' });
    await alice.waitSynced();
    const headers = await server.authHeaders('legal');
    const present = await waitFor(async () => {
      const res = await fetch(`${server.url}/api/docs/${draftId}`, { headers });
      const body = (await res.json()) as { draft: { present: Array<{ name: string; role?: string }> } };
      return body.draft.present.length > 0 ? body.draft.present : undefined;
    }, 'presence to show');
    expect(present).toEqual([{ name: 'Eddie Editor', role: 'editor', color: '#1f6feb' }]);
  });

  it('[CS11] unloads a draft when its last client leaves, after folding its updates into a snapshot', async () => {
    const draftId = await createDraft();
    const alice = open(draftId);
    await alice.waitSynced();
    appendParagraph(alice.doc, 'one');
    appendParagraph(alice.doc, 'two');
    await waitFor(async () => (await server.store.countPendingUpdates(draftId)) >= 2, 'updates to be stored');
    expect(server.server.registry.findRoom(draftId)).toBeDefined();

    alice.destroy();
    clients.splice(0);
    await waitFor(() => server.server.registry.findRoom(draftId) === undefined, 'the room to unload');
    expect(await server.store.countPendingUpdates(draftId)).toBe(0);

    const late = open(draftId);
    await late.waitSynced();
    expect(bodyString(late.doc)).toContain('two');
  });

  it('[CS12] compacts in the background once enough updates follow the snapshot', async () => {
    await server.dispose();
    server = await startTestServer({ env: { COMPACT_AFTER_UPDATES: '20' } });
    token = await server.tokenFor('editor');
    const draftId = await createDraft();
    const alice = open(draftId);
    const bob = open(draftId);
    await Promise.all([alice.waitSynced(), bob.waitSynced()]);
    for (let i = 0; i < 50; i++) appendParagraph(alice.doc, `line ${i}`);
    await waitFor(() => bodyString(bob.doc).includes('line 49'), 'Bob to see every line');
    await waitFor(async () => (await server.store.countPendingUpdates(draftId)) < 20, 'compaction');
    const fresh = open(draftId);
    await fresh.waitSynced();
    expect(bodyString(fresh.doc)).toBe(bodyString(alice.doc));
  });

  it('[CS12] alone on its draft, folds its live copy without reading the log back, and loses nothing written meanwhile', async () => {
    await server.dispose();
    let store!: CountingStore;
    server = await startTestServer({ env: { COMPACT_AFTER_UPDATES: '20' }, makeStore: (db) => (store = new CountingStore(db)) });
    token = await server.tokenFor('editor');
    const draftId = await createDraft();
    const alice = open(draftId);
    const bob = open(draftId);
    await Promise.all([alice.waitSynced(), bob.waitSynced()]);
    // Both type at once, so compactions start while the other's updates are still being stored.
    for (let i = 0; i < 60; i++) {
      appendParagraph(alice.doc, `alice ${i}`);
      appendParagraph(bob.doc, `bob ${i}`);
    }
    await waitFor(() => bodyString(bob.doc).includes('alice 59') && bodyString(alice.doc).includes('bob 59'), 'both to see every line');
    await waitFor(async () => (await server.store.countPendingUpdates(draftId)) < 20, 'compaction');

    // The room read the draft once, when it loaded; no compaction read it again.
    expect(store.loads.get(draftId)).toBe(1);
    const stored = await loadDraft(store, draftId);
    expect(bodyString(stored!.doc)).toBe(bodyString(alice.doc));
    expect(Y.encodeStateVector(stored!.doc)).toEqual(Y.encodeStateVector(alice.doc));
  });
});
