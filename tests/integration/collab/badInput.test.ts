import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, type TestClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const DRAFT_ID = 'bad-input-draft';
const MAX_MESSAGE_BYTES = 64 * 1024;

/** An update that inserts a paragraph, made on a doc that already holds the server's state. */
function paragraphUpdate(base: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  appendParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('a malformed or hostile message closes only its own connection', () => {
  let server: TestServer;
  let editor: TestClient;
  let token: string;
  const collabUrlFor = (draftId: string) => `${server.collabUrl}/${draftId}?token=${encodeURIComponent(token)}`;

  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
    await server.store.createDraft({ id: DRAFT_ID, title: 'Bad input', state: emptyDraftState() });
    token = await server.tokenFor('editor');
    editor = connectClient(server.collabUrl, DRAFT_ID, { token });
    await editor.waitSynced();
    appendParagraph(editor.doc, 'Copy that must survive.');
    await waitFor(async () => (await server.store.countPendingUpdates(DRAFT_ID)) > 0, 'the edit to be stored');
  });
  afterAll(async () => {
    editor.destroy();
    await server.dispose();
  });

  /** Opens a raw socket, waits for the server's sync step 1, sends `frame`, and returns the close. */
  async function sendAndClose(frame: Uint8Array | string, draftId = DRAFT_ID) {
    const raw = openRawSocket(collabUrlFor(draftId));
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the server to greet the socket');
    raw.socket.send(frame);
    return raw.closed;
  }

  async function storedState(): Promise<string> {
    const stored = await server.store.loadDraftState(DRAFT_ID);
    const doc = new Y.Doc();
    if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored?.updates ?? []) Y.applyUpdate(doc, update);
    return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  }

  async function expectDraftUntouched(run: () => Promise<void>) {
    const before = await storedState();
    const textBefore = bodyString(editor.doc);
    await run();
    // The other client keeps editing through the same server.
    const witness = connectClient(server.collabUrl, DRAFT_ID, { token });
    await witness.waitSynced();
    expect(bodyString(witness.doc)).toBe(textBefore);
    witness.destroy();
    expect(await storedState()).toBe(before);
  }

  const cases: Array<{ name: string; frame: () => Uint8Array | string; code: number }> = [
    { name: '[CS1] random bytes', frame: () => Uint8Array.from([0xff, 0xfe, 0x00, 0x13, 0x37]), code: CLOSE_CODES.malformedMessage },
    { name: '[CS1] an unknown message type', frame: () => Uint8Array.from([42, 0]), code: CLOSE_CODES.malformedMessage },
    { name: '[CS1] an oversized varint', frame: () => new Uint8Array(12).fill(0xff), code: CLOSE_CODES.malformedMessage },
    { name: '[CS1] a truncated frame', frame: () => Uint8Array.from([0, 2, 50, 1, 2]), code: CLOSE_CODES.malformedMessage },
    { name: '[CS1] a text frame', frame: () => 'hello', code: CLOSE_CODES.malformedMessage },
    {
      name: '[CS1] a state vector that does not decode',
      frame: () => encodeSyncStep1(Uint8Array.from([5, 0xff])),
      code: CLOSE_CODES.malformedMessage,
    },
    {
      name: '[CS3] an update truncated in the middle',
      frame: () => {
        const update = paragraphUpdate(emptyDraftState(), 'never stored '.repeat(20));
        return encodeUpdateFrame(update.subarray(0, Math.floor(update.length / 2)));
      },
      code: CLOSE_CODES.invalidUpdate,
    },
    {
      name: '[CS3] an update whose dependencies the server has never seen',
      frame: () => {
        const elsewhere = new Y.Doc();
        appendParagraph(elsewhere, 'first');
        const sv = Y.encodeStateVector(elsewhere);
        appendParagraph(elsewhere, 'second');
        return encodeUpdateFrame(Y.encodeStateAsUpdate(elsewhere, sv));
      },
      code: CLOSE_CODES.invalidUpdate,
    },
    {
      name: '[CS8] a message over the size limit',
      frame: () => encodeUpdateFrame(new Uint8Array(MAX_MESSAGE_BYTES + 10)),
      code: CLOSE_CODES.messageTooLarge,
    },
  ];

  for (const { name, frame, code } of cases) {
    it(`${name} closes with ${code}, leaving the draft and other clients untouched`, async () => {
      await expectDraftUntouched(async () => {
        const closed = await sendAndClose(frame());
        expect(closed.code).toBe(code);
        expect(closed.reason.length).toBeGreaterThan(0);
      });
    });
  }

  it('[CS3] bit-flipped updates are either refused or harmless, and never reach disk half-applied', async () => {
    const base = Y.encodeStateAsUpdate(editor.doc);
    const good = paragraphUpdate(base, 'flip me');
    let refused = 0;
    for (let i = 0; i < 24; i++) {
      const flipped = good.slice();
      const at = (i * 7919) % flipped.length;
      flipped[at] = flipped[at]! ^ (1 << i % 8);
      const raw = openRawSocket(collabUrlFor(DRAFT_ID));
      await raw.opened;
      await waitFor(() => raw.received.length > 0, 'the greeting');
      const greeted = raw.received.length;
      raw.socket.send(encodeUpdateFrame(flipped));
      // Frames are handled in order: an answer to this step 1 means the update was taken.
      raw.socket.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
      const outcome = await Promise.race([
        raw.closed.then(() => 'closed' as const),
        waitFor(() => raw.received.length > greeted, 'an answer').then(() => 'answered' as const),
      ]);
      if (outcome === 'closed') refused++;
      raw.socket.terminate();
    }
    expect(refused).toBeGreaterThan(0);
    // Whatever was accepted applies whole: the draft still loads without pending structs.
    const fresh = connectClient(server.collabUrl, DRAFT_ID, { token });
    await fresh.waitSynced();
    expect(fresh.doc.store.pendingStructs).toBeNull();
    expect(bodyString(fresh.doc)).toContain('Copy that must survive.');
    fresh.destroy();
  });

  it('[CS9] an unknown draft closes with 4404', async () => {
    const raw = openRawSocket(collabUrlFor('no-such-draft'));
    expect((await raw.closed).code).toBe(CLOSE_CODES.draftNotFound);
    const badId = openRawSocket(collabUrlFor(encodeURIComponent('../../etc/passwd')));
    expect((await badId.closed).code).toBe(CLOSE_CODES.draftNotFound);
  });

  it('the stock provider stops reconnecting after a permanent refusal', async () => {
    const lost = connectClient(server.collabUrl, 'missing-draft', { token });
    await waitFor(() => lost.closes.length > 0, 'the close');
    expect(lost.closes[0]!.code).toBe(CLOSE_CODES.draftNotFound);
    await new Promise((r) => setTimeout(r, 400));
    expect(lost.closes.length).toBe(1);
    lost.destroy();
  });
});
