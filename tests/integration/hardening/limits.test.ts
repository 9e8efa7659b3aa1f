import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessEntries } from '../../../server/collab/awarenessGate.ts';
import { encodeAwarenessFrame, encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { errorBodySchema } from '../../../shared/api/errorCodes.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { connectClient, openRawSocket } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/**
 * Every limit is configurable and answered with its own code. Some are proven
 * elsewhere and only cited here:
 * - CS8 message size: tests/integration/collab/badInput.test.ts ("a message over the size limit");
 * - JSON body size on POST /api/docs and import upload size: tests/integration/http/docs.test.ts;
 * - sign-in attempts per account and per address (429 + Retry-After): tests/integration/http/session.test.ts.
 * Here they are checked once more with non-default settings, on other routes.
 */
const DRAFT_ID = 'limits-draft';
const LIMITS = {
  MAX_MESSAGE_BYTES: String(32 * 1024),
  MAX_JSON_BODY_BYTES: String(2 * 1024),
  MAX_IMPORT_BYTES: String(8 * 1024),
  MAX_AWARENESS_PER_SECOND: '10',
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: '2',
};

describe('limits, each configurable and answered with its own code', () => {
  let server: TestServer;
  let token: string;
  const collab = (draftId = DRAFT_ID) => `${server.collabUrl}/${draftId}?token=${encodeURIComponent(token)}`;

  beforeAll(async () => {
    server = await startTestServer({ env: LIMITS });
    await server.store.createDraft({ id: DRAFT_ID, title: 'Limits', state: emptyDraftState() });
    token = await server.tokenFor('editor');
  });
  afterAll(async () => {
    await server?.dispose();
  });

  async function expectError(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe(code);
  }

  it('[CS8] MAX_MESSAGE_BYTES: a larger message closes with 4413', async () => {
    const raw = openRawSocket(collab());
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the greeting');
    raw.socket.send(encodeUpdateFrame(new Uint8Array(32 * 1024 + 1)));
    expect((await raw.closed).code).toBe(CLOSE_CODES.messageTooLarge);
  });

  it('[CS9] one socket serves one draft: the path names it, and a path naming two closes with 4404', async () => {
    for (const path of [`${DRAFT_ID}/other-draft`, `${DRAFT_ID}%2Fother-draft`]) {
      const raw = openRawSocket(`${server.collabUrl}/${path}?token=${encodeURIComponent(token)}`);
      expect((await raw.closed).code).toBe(CLOSE_CODES.draftNotFound);
    }
  });

  it('[CS20] MAX_AWARENESS_PER_SECOND: a flood is thinned, the socket stays open and its newest state wins', async () => {
    const watcher = connectClient(server.collabUrl, DRAFT_ID, { token });
    await watcher.waitSynced();
    let relayed = 0;
    watcher.provider.awareness.on('update', (_: unknown, origin: unknown) => {
      if (origin !== 'local') relayed++;
    });
    const raw = openRawSocket(collab());
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the greeting');
    const clientId = 424242;
    const FLOOD = 500;
    const started = Date.now();
    for (let clock = 1; clock <= FLOOD; clock++) {
      raw.socket.send(encodeAwarenessFrame(encodeAwarenessEntries([{ clientId, clock, state: { cursor: { at: clock } } }])));
    }
    const cursorSeen = () => (watcher.provider.awareness.getStates().get(clientId) as { cursor?: { at: number } } | undefined)?.cursor?.at;
    await waitFor(() => cursorSeen() === FLOOD, 'the newest state to arrive', 5_000);
    const seconds = Math.max(1, Math.ceil((Date.now() - started) / 1000));
    console.log(`[hardening] awareness rate: ${FLOOD} messages sent, ${relayed} relayed in ${seconds} s (limit 10/s + the newest)`);
    expect(relayed).toBeLessThanOrEqual(seconds * 10 + seconds + 1);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
    watcher.destroy();
  });

  it('[CS20] an honest provider moving its caret fast stays open and ends with its latest caret shown', async () => {
    const typist = connectClient(server.collabUrl, DRAFT_ID, { token });
    const watcher = connectClient(server.collabUrl, DRAFT_ID, { token });
    await Promise.all([typist.waitSynced(), watcher.waitSynced()]);
    for (let at = 1; at <= 8; at++) typist.provider.awareness.setLocalStateField('cursor', { at });
    await waitFor(
      () => (watcher.provider.awareness.getStates().get(typist.doc.clientID) as { cursor?: { at: number } } | undefined)?.cursor?.at === 8,
      'the last caret to show',
    );
    expect(typist.closes).toEqual([]);
    typist.destroy();
    watcher.destroy();
  });

  it('MAX_JSON_BODY_BYTES: a larger JSON body gets 413 payload_too_large, also without Content-Length', async () => {
    const headers = { 'content-type': 'application/json', ...(await server.authHeaders('editor')) };
    const body = JSON.stringify({ name: 'n'.repeat(4 * 1024) });
    await expectError(await fetch(`${server.url}/api/tokens`, { method: 'POST', headers, body }), 413, 'payload_too_large');
    // A streamed (chunked) body has no length to check up front; the limit still holds as it is read.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    const chunked = await fetch(`${server.url}/api/docs`, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    await expectError(chunked, 413, 'payload_too_large');
  });

  it('MAX_IMPORT_BYTES: a larger upload gets 413 payload_too_large; a smaller one imports', async () => {
    const headers = await server.authHeaders('editor');
    const big = new FormData();
    big.append('file', new Blob(['word '.repeat(2_000)]), 'big.txt');
    await expectError(await fetch(`${server.url}/api/docs/import`, { method: 'POST', headers, body: big }), 413, 'payload_too_large');
    const small = new FormData();
    small.append('file', new Blob(['A headline\n\nA paragraph.']), 'small.txt');
    expect((await fetch(`${server.url}/api/docs/import`, { method: 'POST', headers, body: small })).status).toBe(201);
  });

  it('SIGNIN_MAX_FAILURES_PER_ACCOUNT: past the limit even the right password gets 429 with Retry-After', async () => {
    const attempt = (password: string) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
    for (let i = 0; i < 2; i++) await expectError(await attempt('wrong password'), 401, 'invalid_credentials');
    const locked = await attempt('demo-password-for-tests');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(locked, 429, 'too_many_requests');
  });

  it('[CS11] a draft with no client leaves memory', async () => {
    const client = connectClient(server.collabUrl, DRAFT_ID, { token });
    await client.waitSynced();
    expect(server.server.registry.findRoom(DRAFT_ID)).toBeDefined();
    client.destroy();
    await waitFor(() => server.server.registry.findRoom(DRAFT_ID) === undefined, 'the room to unload');
  });

  it('the awareness of a raw client id never outlives its socket', async () => {
    const probe = new awarenessProtocol.Awareness(new Y.Doc());
    probe.setLocalStateField('cursor', { at: 1 });
    const raw = openRawSocket(collab());
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the greeting');
    raw.socket.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(probe, [probe.clientID])));
    await waitFor(() => server.server.registry.findRoom(DRAFT_ID)?.presence.awareness.getStates().has(probe.clientID), 'the state to land');
    raw.socket.close();
    await waitFor(() => server.server.registry.findRoom(DRAFT_ID) === undefined, 'the room to unload with its awareness');
    probe.destroy();
  });
});
