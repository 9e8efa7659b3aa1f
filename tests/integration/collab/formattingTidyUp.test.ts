import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { appendParagraph, bodyOf, bodyString, connectClient, type TestClient } from '../../support/collabClient.ts';
import { deletedIdsOf, loadStoredDoc } from '../../support/storedDraft.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const lastText = (doc: Y.Doc) => (bodyOf(doc).get(bodyOf(doc).length - 1) as Y.XmlElement).get(0) as Y.XmlText;

/**
 * When two people format the same words at once, their edits together hold
 * redundant format markers, and every Yjs document that receives the second
 * deletes them (a tidy-up of its own). The clients do that and send the
 * deletions; the server must store and relay them like any edit and never
 * tidy up in its own memory, or its live copy, the database and the clients
 * drift apart.
 */
describe('formatting tidy-up after concurrent formatting', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const open = async (draftId: string) => {
    const client = connectClient(server.collabUrl, draftId, { token: await server.tokenFor('editor') });
    clients.push(client);
    await client.waitSynced();
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.dispose();
  });

  it('[CS4][CS11] the database and a newcomer hold the very deletions every connected client holds', async () => {
    const { id: draftId } = await server.store.createDraft({ id: 'tidy-up', title: 'Tidy-up', state: emptyDraftState() });
    const alice = await open(draftId);
    const bob = await open(draftId);
    const carol = await open(draftId);
    appendParagraph(alice.doc, 'The minister resigned on Tuesday.');
    await waitFor(() => bodyString(bob.doc).includes('minister') && bodyString(carol.doc).includes('minister'), 'the paragraph to reach everyone');

    // Alice and Bob bold the same words while both are offline.
    alice.provider.disconnect();
    bob.provider.disconnect();
    lastText(alice.doc).format(0, 12, { bold: {} });
    lastText(bob.doc).format(0, 12, { bold: {} });
    alice.provider.connect();
    await waitFor(() => bodyString(carol.doc).includes('<bold>The minister</bold>'), 'Carol to see the bold');
    bob.provider.connect();

    const converged = () => {
      const expected = deletedIdsOf(carol.doc);
      return [alice, bob].every((c) => c.provider.synced && deletedIdsOf(c.doc).join() === expected.join()) && expected.length > 0;
    };
    await waitFor(converged, 'the three clients to agree on the deletions');
    const held = deletedIdsOf(carol.doc);
    await waitFor(async () => deletedIdsOf(await loadStoredDoc(server.store, draftId)).join() === held.join(), 'the database to hold the tidy-up', 3000).catch(
      () => {},
    );

    expect(deletedIdsOf(await loadStoredDoc(server.store, draftId))).toEqual(held);
    const dave = await open(draftId);
    expect(deletedIdsOf(dave.doc)).toEqual(held);
    expect(bodyString(dave.doc)).toBe(bodyString(carol.doc));
    expect(bodyString(carol.doc)).toContain('<bold>The minister</bold> resigned');
  });
});
