import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, type TestClient } from '../../support/collabClient.ts';
import { storedStateBase64 } from '../../support/storedDraft.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const DRAFT_ID = 'hijack-draft';

/** A hand-made update holding one GC struct (deleted, garbage-collected content) for `client` from `clock`. */
function gcUpdate(client: number, clock: number, length: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client section
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 0); // info 0: GC
  encoding.writeVarUint(e, length);
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

describe('a reader cannot claim an editor’s clocks with garbage-collected structs', () => {
  let server: TestServer;
  let editor: TestClient;
  let reader: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    await server.store.createDraft({ id: DRAFT_ID, title: 'Hijack', state: emptyDraftState() });
    const token = await server.tokenFor('editor');
    editor = connectClient(server.collabUrl, DRAFT_ID, { token });
    reader = connectClient(server.collabUrl, DRAFT_ID, { token });
    await Promise.all([editor.waitSynced(), reader.waitSynced()]);
    appendParagraph(editor.doc, 'before');
    await waitFor(() => bodyString(reader.doc).includes('before'), 'the reader to see the first edit');
  });
  afterAll(async () => {
    editor?.destroy();
    reader?.destroy();
    await server?.dispose();
  });

  it('[CS16] a legal reviewer sending GC structs (for an editor’s next clocks) is closed with 4403; nothing is stored and the editor’s next edits still arrive', async () => {
    const before = await storedStateBase64(server.store, DRAFT_ID);
    const victim = editor.doc.clientID;
    const clock = Y.getState(editor.doc.store, victim);
    const raw = openRawSocket(`${server.collabUrl}/${DRAFT_ID}?token=${encodeURIComponent(await server.tokenFor('legal'))}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the greeting');
    raw.socket.send(encodeUpdateFrame(gcUpdate(victim, clock, 1_000)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CLOSE_CODES.forbidden);
    expect(await storedStateBase64(server.store, DRAFT_ID)).toBe(before);

    appendParagraph(editor.doc, 'after the attempt');
    await waitFor(() => bodyString(reader.doc).includes('after the attempt'), 'the reader to see the editor’s next edit', 5_000);
  });

  it('[CS16] an editor going offline keeps its own garbage-collected deletions: its sync step 2 with GC structs is taken', async () => {
    editor.provider.disconnect();
    appendParagraph(editor.doc, 'typed then removed offline');
    const body = editor.doc.getXmlFragment('body');
    body.delete(body.length - 1, 1);
    appendParagraph(editor.doc, 'kept offline');
    editor.provider.connect();
    await waitFor(() => bodyString(reader.doc).includes('kept offline'), 'the offline edits to arrive');
    expect(editor.closes.filter((c) => c.code >= 4400)).toEqual([]);
    expect(bodyString(reader.doc)).toBe(bodyString(editor.doc));
  });
});
