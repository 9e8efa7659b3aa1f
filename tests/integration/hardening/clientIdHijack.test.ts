import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, paragraphUnderClientId, type RawSocket, type TestClient } from '../../support/collabClient.ts';
import { storedStateBase64 } from '../../support/storedDraft.ts';
import { makeDataDir, startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const DRAFT_ID = 'client-id-hijack';

/** Sends `update` over a fresh connection of `username`; resolves with that connection. */
async function sendAs(server: TestServer, username: string, update: Uint8Array): Promise<RawSocket> {
  const raw = openRawSocket(`${server.collabUrl}/${DRAFT_ID}?token=${encodeURIComponent(await server.tokenFor(username))}`);
  await raw.opened;
  await waitFor(() => raw.received.length > 0, 'the greeting');
  raw.socket.send(encodeUpdateFrame(update));
  return raw;
}

describe('[CS21] a Yjs client id belongs to the account that first wrote under it', () => {
  const dataDir = makeDataDir();
  let server: TestServer;
  const clients: TestClient[] = [];
  const connect = async (username: string) => {
    const client = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor(username) });
    clients.push(client);
    await client.waitSynced();
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ dataDir });
    await server.store.createDraft({ id: DRAFT_ID, title: 'Hijack', state: emptyDraftState() });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('another account writing under an editor’s client id is closed with 4403; nothing is stored and the editor’s next words still reach everyone', async () => {
    const editor = await connect('editor');
    const reader = await connect('legal');
    appendParagraph(editor.doc, 'The council met on Tuesday.');
    await waitFor(() => bodyString(reader.doc).includes('Tuesday'), 'the reader to see the editor’s words');
    const before = await storedStateBase64(server.store, DRAFT_ID);

    const closed = await (await sendAs(server, 'chief', paragraphUnderClientId(editor.doc, editor.doc.clientID, 'Words put in the editor’s mouth.'))).closed;
    expect(closed.code).toBe(CLOSE_CODES.forbidden);
    expect(closed.reason).toMatch(/^\[CS21\] client id \d+ belongs to another account/);
    expect(await storedStateBase64(server.store, DRAFT_ID)).toBe(before);

    appendParagraph(editor.doc, 'It voted to close the ferry.');
    await waitFor(() => bodyString(reader.doc).includes('close the ferry'), 'the editor’s next words to arrive', 5_000);
    expect(bodyString(reader.doc)).toBe(bodyString(editor.doc));
    expect(bodyString(reader.doc)).not.toContain('mouth');
  });

  it('holds across a restart: the owner is read back from the store, and the owner itself may go on writing under its id', async () => {
    const editor = await connect('editor');
    appendParagraph(editor.doc, 'Filed before the restart.');
    await waitFor(async () => (await server.store.loadClientOwners(DRAFT_ID)).get(editor.doc.clientID) !== undefined, 'the claim to be stored');
    const ownerId = editor.doc.clientID;
    editor.destroy();
    await server.stop();
    server = await startTestServer({ dataDir });

    const reader = await connect('legal');
    const closed = await (await sendAs(server, 'chief', paragraphUnderClientId(reader.doc, ownerId, 'A chief posing as the editor.'))).closed;
    expect(closed.code).toBe(CLOSE_CODES.forbidden);
    expect(closed.reason).toMatch(/^\[CS21\]/);

    // The same account, under the same id (a tab that kept its offline copy), is taken.
    const honest = await sendAs(server, 'editor', paragraphUnderClientId(reader.doc, ownerId, 'Filed after the restart.'));
    await waitFor(() => bodyString(reader.doc).includes('Filed after the restart.'), 'the owner’s words to arrive');
    expect(honest.socket.readyState).toBe(honest.socket.OPEN);
    honest.socket.close();
  });
});
