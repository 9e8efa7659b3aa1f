import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDraft } from '../../../server/collab/loadDraft.ts';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { appendParagraph, bodyString } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';
import { anchorsAround, createFlag, DRAFT_ID, seedFlaggableDraft } from '../../support/flagFixtures.ts';

describe('[CS12] compaction while the server writes flags into the draft', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('stores every edit and every flag, whichever of them a compaction folds', async () => {
    server = await startTestServer({ env: { COMPACT_AFTER_UPDATES: '5' } });
    const writer = await seedFlaggableDraft(server);
    const anchors = anchorsAround(writer.doc, 'took a bribe');

    // Flags are the server's own writes: applied to the live copy first, stored after.
    const flags = Promise.all(
      Array.from({ length: 6 }, (_, i) => createFlag(server!, 'legal', { kind: 'legal-risk', ...anchors, comment: `check ${i}` })),
    );
    for (let i = 0; i < 40; i++) appendParagraph(writer.doc, `line ${i}`);
    await flags;
    const annotations = writer.doc.getMap(ROOT_TYPES.annotations);
    await waitFor(() => annotations.size === 6, 'the writer to see every flag');
    await waitFor(async () => {
      const stored = await loadDraft(server!.store, DRAFT_ID);
      return stored !== undefined && bodyString(stored.doc).includes('line 39');
    }, 'the last line to be stored');

    const body = bodyString(writer.doc);
    const stateVector = Y.encodeStateVector(writer.doc);
    writer.destroy();
    await waitFor(() => server!.server.registry.findRoom(DRAFT_ID) === undefined, 'the room to compact and unload');
    const stored = await loadDraft(server.store, DRAFT_ID);
    expect(await server.store.countPendingUpdates(DRAFT_ID)).toBe(0);
    expect(bodyString(stored!.doc)).toBe(body);
    expect(stored!.doc.getMap(ROOT_TYPES.annotations).size).toBe(6);
    expect(Y.encodeStateVector(stored!.doc)).toEqual(stateVector);
  });
});
