import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresDocumentStore } from '../../server/storage/postgres/PostgresDocumentStore.ts';
import { createTestSchema, findPostgresUnavailable, type TestSchema } from '../support/postgres.ts';

const unavailable = await findPostgresUnavailable('the Postgres concurrency tests');

describe.skipIf(unavailable !== undefined)(
  unavailable ? `PostgresDocumentStore across instances (skipped: ${unavailable})` : 'PostgresDocumentStore across instances',
  () => {
    let schema: TestSchema;
    beforeEach(async () => {
      schema = await createTestSchema();
    });
    afterEach(async () => {
      await schema.drop();
    });

    it('never lets a load see an update whose earlier-numbered sibling commits later (no gap filled behind lastSeq)', async () => {
      // Two instances (two pools) append to the same drafts at once while a third loads.
      const [one, two, reader] = await Promise.all([schema.openPool(), schema.openPool(), schema.openPool()]);
      const stores = [new PostgresDocumentStore(one), new PostgresDocumentStore(two)];
      const loader = new PostgresDocumentStore(reader);
      for (const id of ['draft-x', 'draft-y']) {
        await stores[0]!.createDraft({ id, title: id, state: Y.encodeStateAsUpdate(new Y.Doc()) });
      }
      const update = new Uint8Array([0, 0]); // an empty Yjs update: the store never looks inside
      let writing = true;
      const loads: Array<{ lastSeq: number; count: number }> = [];
      const reading = (async () => {
        while (writing) {
          const state = (await loader.loadDraftState('draft-x'))!;
          loads.push({ lastSeq: state.lastSeq, count: state.updates.length });
        }
      })();
      await Promise.all(
        stores.flatMap((store) =>
          Array.from({ length: 4 }, async () => {
            for (let i = 0; i < 15; i++) {
              // Mixed batches, in both draft orders, to also prove two batches cannot deadlock.
              const batch =
                i % 2 === 0
                  ? [{ draftId: 'draft-x', update }, { draftId: 'draft-y', update }]
                  : [{ draftId: 'draft-y', update }, { draftId: 'draft-x', update }];
              await store.appendUpdates(batch);
            }
          }),
        ),
      );
      writing = false;
      await reading;

      const { rows } = await reader.query<{ seq: string }>("SELECT seq FROM draft_updates WHERE draft_id = 'draft-x'");
      const finalSeqs = rows.map((row) => Number(row.seq));
      expect(finalSeqs).toHaveLength(2 * 4 * 15);
      expect(loads.length).toBeGreaterThan(0);
      for (const load of loads) {
        expect(finalSeqs.filter((seq) => seq <= load.lastSeq)).toHaveLength(load.count);
      }
    });
  },
);
