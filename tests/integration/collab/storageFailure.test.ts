import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import type { UpdateToAppend } from '../../../server/storage/DocumentStore.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';
import { encodeSyncStep2, encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { MESSAGE_TYPES } from '../../../shared/protocol/messageTypes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/** A real SQLite store whose appends can be made to fail, as a full disk would. */
class FlakyStore extends SqliteDocumentStore {
  failing = false;
  override async appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]> {
    if (this.failing) {
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('disk full');
    }
    return super.appendUpdates(batch);
  }
}

const DRAFT_ID = 'flaky-draft';

describe('[CS6] when storing an update fails', () => {
  let store: FlakyStore;
  let server: TestServer;
  let collabUrl: string;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ makeStore: (db) => (store = new FlakyStore(db)) });
    await store.createDraft({ id: DRAFT_ID, title: 'Flaky', state: emptyDraftState() });
    collabUrl = server.collabUrl;
    token = await server.tokenFor('editor');
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('relays nothing, closes the sender with a retryable 4500, and takes the edit when it is resent', async () => {
    const writer = connectClient(collabUrl, DRAFT_ID, { token });
    const reader = connectClient(collabUrl, DRAFT_ID, { token });
    await Promise.all([writer.waitSynced(), reader.waitSynced()]);

    store.failing = true;
    appendParagraph(writer.doc, 'Filed during the outage.');
    await waitFor(() => writer.closes.some((c) => c.code === CLOSE_CODES.storageFailed), 'the 4500 close');
    expect(bodyString(reader.doc)).not.toContain('Filed during the outage.');
    expect(await store.countPendingUpdates(DRAFT_ID)).toBe(0);

    // The provider reconnects by itself (45xx is transient) and resends the edit in its sync step 2.
    store.failing = false;
    await waitFor(() => bodyString(reader.doc).includes('Filed during the outage.'), 'the resent edit to arrive');
    expect(await store.countPendingUpdates(DRAFT_ID)).toBeGreaterThan(0);
    // [CS21] The writer's client id was first written by the failed batch; its claim is stored with the resent edit.
    const editor = await server.accounts.findAccountByUsername('editor');
    expect((await store.loadClientOwners(DRAFT_ID)).get(writer.doc.clientID)).toBe(editor!.id);
    writer.destroy();
    reader.destroy();
  });

  it('[CS14] never acknowledges as saved an edit whose write is still pending and then fails', async () => {
    const raw = openRawSocket(`${collabUrl}/${DRAFT_ID}?ack=1&token=${encodeURIComponent(token)}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the greeting');
    // Build an edit on top of what the server has.
    const probe = connectClient(collabUrl, DRAFT_ID, { token });
    await probe.waitSynced();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(probe.doc));
    probe.destroy();
    const before = Y.encodeStateVector(client);
    appendParagraph(client, 'Not saved.');
    const edit = Y.encodeStateAsUpdate(client, before);

    store.failing = true;
    raw.socket.send(encodeUpdateFrame(edit));
    // The same edit again, as a reconnecting provider would send it in sync step 2.
    raw.socket.send(encodeSyncStep2(edit));
    const closed = await raw.closed;
    store.failing = false;
    expect(closed.code).toBe(CLOSE_CODES.storageFailed);
    const savedFrames = raw.received.filter((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MESSAGE_TYPES.saved);
    expect(savedFrames).toEqual([]);
  });
});
