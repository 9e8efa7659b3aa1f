import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessFrame, encodeSyncStep2, encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { tokenListSchema } from '../../../shared/api/auth.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, type TestClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const DRAFT_ID = 'permission-draft';
const FORBIDDEN_TEXT = 'Legal rewrote this';

describe('the server enforces roles on every update', () => {
  let server: TestServer;
  let editor: TestClient;
  let legalToken: string;
  let editorToken: string;

  /** The server's draft as a fresh document, built from what an editor's client receives. */
  async function serverCopy(): Promise<Y.Doc> {
    const probe = connectClient(server.collabUrl, DRAFT_ID, { token: editorToken });
    await probe.waitSynced();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(probe.doc));
    probe.destroy();
    return doc;
  }

  /** An update made on a copy of the server's draft by `edit`. */
  async function craft(edit: (doc: Y.Doc) => void): Promise<Uint8Array> {
    const doc = await serverCopy();
    const before = Y.encodeStateVector(doc);
    edit(doc);
    return Y.encodeStateAsUpdate(doc, before);
  }

  async function openRaw(token: string, extra = '') {
    const raw = openRawSocket(`${server.collabUrl}/${DRAFT_ID}?token=${encodeURIComponent(token)}${extra}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the server greeting');
    return raw;
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { CREDENTIAL_RECHECK_MS: '200' } });
    await server.store.createDraft({ id: DRAFT_ID, title: 'Permissions', state: emptyDraftState() });
    editorToken = await server.tokenFor('editor');
    legalToken = await server.tokenFor('legal');
    editor = connectClient(server.collabUrl, DRAFT_ID, { token: editorToken });
    await editor.waitSynced();
    appendParagraph(editor.doc, 'Copy as the editor wrote it.');
    await waitFor(async () => (await server.store.countPendingUpdates(DRAFT_ID)) > 0, 'the edit to be stored');
  });
  afterAll(async () => {
    editor.destroy();
    await server.dispose();
  });

  const legalAttempts: Array<[string, (doc: Y.Doc) => void, 'update' | 'step2']> = [
    ['inserts text into body', (doc) => appendParagraph(doc, FORBIDDEN_TEXT), 'update'],
    [
      'deletes body text',
      (doc) => {
        const paragraph = doc.getXmlFragment('body').get(3) as Y.XmlElement;
        (paragraph.get(0) as Y.XmlText).delete(0, 4);
      },
      'update',
    ],
    [
      'formats body text',
      (doc) => {
        const paragraph = doc.getXmlFragment('body').get(3) as Y.XmlElement;
        (paragraph.get(0) as Y.XmlText).format(0, 4, { bold: true });
      },
      'update',
    ],
    ['sends a sync step 2 carrying body changes', (doc) => appendParagraph(doc, FORBIDDEN_TEXT), 'step2'],
  ];

  for (const [name, edit, kind] of legalAttempts) {
    it(`[CS16] a legal reviewer who ${name} is closed with 4403, and nobody sees it`, async () => {
      const update = await craft(edit);
      const raw = await openRaw(legalToken);
      raw.socket.send(kind === 'step2' ? encodeSyncStep2(update) : encodeUpdateFrame(update));
      const closed = await raw.closed;
      expect(closed.code).toBe(CLOSE_CODES.forbidden);
      expect(closed.reason).toMatch(/CS16.*legal.*body/);
      // The editor keeps editing through the same server and never saw the attempt.
      appendParagraph(editor.doc, `after ${name}`);
      await waitFor(async () => bodyString(await serverCopy()).includes(`after ${name}`), 'the editor’s next edit');
      expect(bodyString(editor.doc)).not.toContain(FORBIDDEN_TEXT);
      expect(bodyString(editor.doc)).not.toContain('<bold>');
      expect(bodyString(editor.doc)).toContain('Copy as the editor wrote it.');
    });
  }

  it('[CS16] nothing a legal reviewer tried is in the database after a restart', async () => {
    const dataDir = server.dataDir;
    editor.destroy();
    await server.stop();
    const restarted = await startTestServer({ dataDir });
    try {
      const reader = connectClient(restarted.collabUrl, DRAFT_ID, { token: await restarted.tokenFor('chief') });
      await reader.waitSynced();
      const copy = bodyString(reader.doc);
      expect(copy).toContain('Copy as the editor wrote it.');
      expect(copy).not.toContain(FORBIDDEN_TEXT);
      expect(copy).not.toContain('<bold>');
      reader.destroy();
    } finally {
      await restarted.stop();
    }
    server = await startTestServer({ dataDir, env: { CREDENTIAL_RECHECK_MS: '200' } });
    editorToken = await server.tokenFor('editor');
    legalToken = await server.tokenFor('legal');
    editor = connectClient(server.collabUrl, DRAFT_ID, { token: editorToken });
    await editor.waitSynced();
  });

  it('[CS17] a legal reviewer who behaves reads the draft and shows up to others under their own name', async () => {
    const legal = connectClient(server.collabUrl, DRAFT_ID, {
      token: legalToken,
      user: { id: 'test-legal', name: 'Lena Legal', role: 'legal' },
    });
    await legal.waitSynced();
    expect(bodyString(legal.doc)).toContain('Copy as the editor wrote it.');
    await waitFor(
      () => [...editor.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Lena Legal'),
      'the editor to see Lena in awareness',
    );
    appendParagraph(editor.doc, 'Live to legal.');
    await waitFor(() => bodyString(legal.doc).includes('Live to legal.'), 'legal to receive the edit');
    expect(legal.closes).toEqual([]);
    legal.destroy();
  });

  it('[CS17] awareness that claims another person is never applied nor relayed', async () => {
    const raw = await openRaw(legalToken);
    const impostor = new awarenessProtocol.Awareness(new Y.Doc());
    impostor.setLocalStateField('user', { id: 'test-chief', name: 'Chris Chief', color: '#112233' });
    raw.socket.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(impostor, [impostor.clientID])));
    // Then the same socket tells the truth; frames are handled in order, so once the truth shows, the lie was judged.
    const honest = new awarenessProtocol.Awareness(new Y.Doc());
    honest.setLocalStateField('user', { id: 'test-legal', name: 'Lena Legal', color: '#112233' });
    raw.socket.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(honest, [honest.clientID])));
    const names = () =>
      [...editor.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name);
    await waitFor(() => names().includes('Lena Legal'), 'the honest state to arrive');
    expect(names()).not.toContain('Chris Chief');
    expect(server.server.registry.findRoom(DRAFT_ID)!.presentUsers().map((p) => p.name)).not.toContain('Chris Chief');
    raw.socket.close();
    impostor.destroy();
    honest.destroy();
  });

  it('[CS7] a stock provider that echoes everyone else’s presence keeps its connection', async () => {
    const first = connectClient(server.collabUrl, DRAFT_ID, { token: legalToken, user: { id: 'test-legal', name: 'Lena Legal' } });
    const second = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('chief'), user: { id: 'test-chief', name: 'Chris Chief' } });
    await Promise.all([first.waitSynced(), second.waitSynced()]);
    const seen = (client: TestClient, name: string) =>
      [...client.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === name);
    await waitFor(() => seen(first, 'Chris Chief') && seen(second, 'Lena Legal'), 'each to see the other');
    // A change of state travels and echoes around; nobody is closed for the echoes.
    second.provider.awareness.setLocalStateField('cursor', { at: 3 });
    await waitFor(
      () => [...first.provider.awareness.getStates().values()].some((s) => (s as { cursor?: unknown }).cursor !== undefined),
      'the cursor to arrive',
    );
    expect(first.closes).toEqual([]);
    expect(second.closes).toEqual([]);
    first.destroy();
    second.destroy();
  });

  it('[CS16] an editor writing a server-only root type, or a new one, is closed with 4403', async () => {
    for (const edit of [
      (doc: Y.Doc) => doc.getMap('annotations').set('flag', 'forged'),
      (doc: Y.Doc) => doc.getArray('signoffs').push(['forged sign-off']),
      (doc: Y.Doc) => doc.getText('sneaky').insert(0, 'x'),
    ]) {
      const update = await craft(edit);
      const raw = await openRaw(editorToken);
      raw.socket.send(encodeUpdateFrame(update));
      const closed = await raw.closed;
      expect(closed.code).toBe(CLOSE_CODES.forbidden);
      expect(closed.reason).toMatch(/CS16.*editor/);
    }
    const copy = await serverCopy();
    expect(copy.share.has('sneaky')).toBe(false);
    expect(copy.getMap('annotations').size).toBe(0);
  });

  it('[CS18] refuses sockets without credentials, with a bad token, or from another origin', async () => {
    const anonymous = openRawSocket(`${server.collabUrl}/${DRAFT_ID}`);
    expect((await anonymous.closed).code).toBe(CLOSE_CODES.unauthorized);
    const badToken = openRawSocket(`${server.collabUrl}/${DRAFT_ID}?token=cdk_not-a-real-token`);
    expect((await badToken.closed).code).toBe(CLOSE_CODES.unauthorized);
    const { default: WebSocket } = await import('ws');
    const crossSite = new WebSocket(`${server.collabUrl}/${DRAFT_ID}`, {
      headers: { origin: 'https://evil.example', cookie: await server.signIn('editor') },
    });
    const code = await new Promise<number>((resolve) => crossSite.once('close', (c) => resolve(c)));
    expect(code).toBe(CLOSE_CODES.forbidden);
    // The same cookie from the server's own origin is welcome.
    const sameSite = new WebSocket(`${server.collabUrl}/${DRAFT_ID}`, {
      headers: { origin: server.url, cookie: await server.signIn('editor') },
    });
    await new Promise<void>((resolve, reject) => {
      sameSite.once('message', () => resolve());
      sameSite.once('close', (c) => reject(new Error(`closed ${c}`)));
    });
    sameSite.close();
  });

  it('[CS18] a revoked token stops working, on an open connection within the recheck interval', async () => {
    const headers = { authorization: `Bearer ${await server.tokenFor('chief')}`, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/tokens`, { method: 'POST', headers, body: JSON.stringify({ name: 'bot' }) });
    const { id, token } = (await created.json()) as { id: string; token: string };
    const bot = connectClient(server.collabUrl, DRAFT_ID, { token });
    await bot.waitSynced();

    const revoked = await fetch(`${server.url}/api/tokens/${id}`, { method: 'DELETE', headers });
    expect(revoked.status).toBe(204);
    const list = tokenListSchema.parse(await (await fetch(`${server.url}/api/tokens`, { headers })).json());
    expect(list.tokens.map((t) => t.id)).not.toContain(id);

    await waitFor(() => bot.closes.some((c) => c.code === CLOSE_CODES.unauthorized), 'the open connection to close', 5_000);
    bot.destroy();
    const again = openRawSocket(`${server.collabUrl}/${DRAFT_ID}?token=${encodeURIComponent(token)}`);
    expect((await again.closed).code).toBe(CLOSE_CODES.unauthorized);
  });
});
