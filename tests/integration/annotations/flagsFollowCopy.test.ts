import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isSpanRemoved } from '../../../shared/annotations/spanState.ts';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { bodyString, connectClient, type TestClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';
import {
  DRAFT_ID,
  anchorsAround,
  createFlag,
  flaggedTextIn,
  flagsOf,
  lastParagraphText,
  seedFlaggableDraft,
} from '../../support/flagFixtures.ts';

const flagIn = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>(ROOT_TYPES.annotations).get(id);

describe('flags follow the copy', () => {
  const clients: TestClient[] = [];
  let server: TestServer | undefined;
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.dispose();
    server = undefined;
  });

  it('[AN1] keeps a flag on the same words while another client types inside and around it, on both clients and after a restart', async () => {
    server = await startTestServer();
    const a = await seedFlaggableDraft(server);
    const b = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('chief') });
    clients.push(a, b);
    await b.waitSynced();
    await waitFor(() => bodyString(b.doc) === bodyString(a.doc), 'B to have the paragraph');

    const anchors = anchorsAround(a.doc, 'took a bribe');
    const creating = createFlag(server, 'editor', { kind: 'claim', ...anchors, comment: 'Do we have this on record?' });
    // B types while the flag is being made: before its first word, inside it, and right after its last.
    const text = lastParagraphText(b.doc);
    const at = (words: string) => text.toString().indexOf(words);
    text.insert(at('bribe') + 'bribe'.length, ' of $5,000');
    text.insert(at('a bribe'), 'quietly ');
    text.insert(at('took'), 'allegedly ');
    const flag = await creating;
    // The server quotes the copy as it has it when the flag lands: with or without B's word inside.
    expect(flag.quote).toMatch(/^took (quietly )?a bribe$/);

    await waitFor(() => flagIn(a.doc, flag.id) && flagIn(b.doc, flag.id), 'both clients to receive the flag');
    await waitFor(() => bodyString(a.doc) === bodyString(b.doc), 'the clients to converge');
    expect(lastParagraphText(a.doc).toString()).toContain('allegedly took quietly a bribe of $5,000');
    expect(flaggedTextIn(a.doc, flag)).toBe('took quietly a bribe');
    expect(flaggedTextIn(b.doc, flag)).toBe('took quietly a bribe');
    const [listed] = await flagsOf(server);
    expect(listed).toMatchObject({ id: flag.id, quote: flag.quote, currentText: 'took quietly a bribe', isTextRemoved: false });

    for (const client of clients.splice(0)) client.destroy();
    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({ dataDir });
    const c = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('legal') });
    clients.push(c);
    await c.waitSynced();
    await waitFor(() => flagIn(c.doc, flag.id), 'the flag after the restart');
    expect(flaggedTextIn(c.doc, flag)).toBe('took quietly a bribe');
    expect((await flagsOf(server))[0]).toMatchObject({ id: flag.id, currentText: 'took quietly a bribe' });
  });

  it('[AN2] keeps a flag whose text is deleted, with its quote, marked removed', async () => {
    server = await startTestServer();
    const a = await seedFlaggableDraft(server);
    clients.push(a);
    const flag = await createFlag(server, 'editor', { kind: 'source-needed', ...anchorsAround(a.doc, 'a bribe'), comment: 'Who says?' });
    await waitFor(() => flagIn(a.doc, flag.id), 'the flag to reach the client');
    expect(isSpanRemoved(a.doc, flag.start, flag.end)).toBe(false);

    const text = lastParagraphText(a.doc);
    text.delete(text.toString().indexOf('took a bribe'), 'took a bribe '.length);
    await waitFor(async () => (await flagsOf(server!))[0]?.isTextRemoved, 'the server to see the text removed');
    const [listed] = await flagsOf(server);
    expect(listed).toMatchObject({ id: flag.id, quote: 'a bribe', currentText: '', isTextRemoved: true, status: 'open' });
    expect(isSpanRemoved(a.doc, flag.start, flag.end)).toBe(true);
  });
});
