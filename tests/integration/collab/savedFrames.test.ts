import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import type { UpdateToAppend } from '../../../server/storage/DocumentStore.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';
import { encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { MESSAGE_TYPES } from '../../../shared/protocol/messageTypes.ts';
import { decodeSavedClocks } from '../../../shared/protocol/savedFrame.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, typeInto } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/** A real SQLite store on a slow disk: each write takes a while, so the updates typed meanwhile gather into the next batch. */
class SlowStore extends SqliteDocumentStore {
  delayMs = 0;
  override async appendUpdates(batch: readonly UpdateToAppend[]): Promise<number[]> {
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    return super.appendUpdates(batch);
  }
}

const DRAFT_ID = 'burst-draft';
const KEYSTROKES = 40;

describe('[CS14] saved frames for a burst of keystrokes', () => {
  let store: SlowStore;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ makeStore: (db) => (store = new SlowStore(db)) });
    await store.createDraft({ id: DRAFT_ID, title: 'Burst', state: emptyDraftState() });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('answers the updates of one batch with one saved frame naming the last clock, and stores and relays every one', async () => {
    const token = await server.tokenFor('editor');
    const reader = connectClient(server.collabUrl, DRAFT_ID, { token });
    await reader.waitSynced();
    const raw = openRawSocket(`${server.collabUrl}/${DRAFT_ID}?ack=1&token=${encodeURIComponent(token)}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the greeting');
    const typist = new Y.Doc();
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(reader.doc));
    const frames: Uint8Array[] = [];
    typist.on('update', (update: Uint8Array) => frames.push(encodeUpdateFrame(update)));
    appendParagraph(typist, 'Typed: ');
    typeInto(typist, 'k'.repeat(KEYSTROKES));
    const lastClock = Y.getState(typist.store, typist.clientID);

    store.delayMs = 150;
    for (const frame of frames) raw.socket.send(frame);
    const savedClocks = () =>
      raw.received
        .map((frame) => decoding.createDecoder(frame))
        .filter((decoder) => decoding.readVarUint(decoder) === MESSAGE_TYPES.saved)
        .map((decoder) => decodeSavedClocks(decoder).get(typist.clientID) ?? 0);
    await waitFor(() => savedClocks().includes(lastClock), 'the saved frame for the last keystroke');
    store.delayMs = 0;

    // The first write is slow, so the other keystrokes are stored together: a handful of frames, not one each.
    expect(savedClocks().length).toBeLessThan(KEYSTROKES / 4);
    expect(savedClocks()).toEqual([...savedClocks()].sort((a, b) => a - b));
    await waitFor(() => bodyString(reader.doc).includes(`Typed: ${'k'.repeat(KEYSTROKES)}`), 'every keystroke relayed');
    raw.socket.close();
    reader.destroy();
  });
});
