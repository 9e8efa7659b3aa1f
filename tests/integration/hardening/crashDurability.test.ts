import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';
import { appendParagraph, bodyString, connectClient, typeInto, type TestClient } from '../../support/collabClient.ts';
import { createRandom, seedFromEnv, soakOr } from '../../support/seededRandom.ts';
import { spawnServer, type ServerProcess } from '../../support/serverProcess.ts';
import { makeDataDir, tokenInDataDir } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/**
 * Crash durability (CS4, durable before visible), repeated: the real server
 * runs as its own process; writers type in bursts; an observer records every
 * update the server relays to it; the server is killed with SIGKILL in the
 * middle of a burst and started again on the same data and port, and the
 * clients reconnect by themselves. After every restart, each update the
 * observer had received is in the draft the new process serves.
 * (tests/integration/collab/durability.test.ts proves one kill; this repeats it.)
 */
const KILLS = soakOr(3, 20);
const DRAFT_ID = 'crash-draft';

describe('kill -9 during bursts of edits, again and again', () => {
  const clients: TestClient[] = [];
  let proc: ServerProcess | undefined;
  const dataDir = makeDataDir();
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    if (proc && proc.child.exitCode === null) {
      proc.child.kill('SIGKILL');
      await proc.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`[CS4] loses none of the updates another client had received, across ${KILLS} kills`, async () => {
    const seed = seedFromEnv();
    const random = createRandom(seed);
    const store = new SqliteDocumentStore(path.join(dataDir, 'copydesk.sqlite'));
    await store.createDraft({ id: DRAFT_ID, title: 'Crash', state: emptyDraftState() });
    await store.close();
    const token = await tokenInDataDir(dataDir, 'editor');
    // SQLITE_SYNCHRONOUS stays FULL, the production default.
    proc = await spawnServer(dataDir);
    const env = { PORT: String(proc.port) };

    const writers = [connectClient(proc.collabUrl, DRAFT_ID, { token }), connectClient(proc.collabUrl, DRAFT_ID, { token })];
    const observer = connectClient(proc.collabUrl, DRAFT_ID, { token });
    clients.push(...writers, observer);
    /** Every update the server sent the observer, in order. */
    const received: Uint8Array[] = [];
    observer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === observer.provider) received.push(update);
    });
    await Promise.all(clients.map((c) => c.waitSynced()));

    let lost = 0;
    let checked = 0;
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const before = received.length;
        const target = before + random.int(15, 60);
        const typing = setInterval(() => {
          const writer = random.pick(writers);
          if (random.chance(0.2)) appendParagraph(writer.doc, `kill ${kill}: ${random.text(10)}`);
          else typeInto(writer.doc, random.text(6));
        }, 2);
        try {
          await waitFor(() => received.length >= target, `the observer to receive part of burst ${kill}`, 15_000);
        } finally {
          // Kill while the burst is still running: frames are in flight.
          proc.child.kill('SIGKILL');
          await proc.exited;
          clearInterval(typing);
        }
        // Freeze what the observer had received from the process that died. Frozen now, not read
        // after the restart: by then the writers may have reconnected and resent edits the dead
        // process never stored, which the new one stores and relays to the observer too.
        const had = received.slice();
        const observerHad = Y.encodeStateAsUpdate(observer.doc);

        proc = await spawnServer(dataDir, env);
        const fresh = connectClient(proc.collabUrl, DRAFT_ID, { token });
        await fresh.waitSynced();
        const served = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
        for (const update of had.slice(checked)) {
          const { to } = Y.parseUpdateMeta(update);
          for (const [client, clock] of to) {
            if ((served.get(client) ?? 0) < clock) {
              lost++;
              break;
            }
          }
        }
        checked = had.length;
        // Deletions too: what the observer saw is contained in what is served.
        const merged = new Y.Doc();
        Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh.doc));
        const mergedVector = Y.encodeStateVector(merged);
        Y.applyUpdate(merged, observerHad);
        expect(Y.encodeStateVector(merged), `kill ${kill}: the served draft lacks structs the observer had (updates lost so far: ${lost})`).toEqual(mergedVector);
        fresh.destroy();
        // The stock providers come back by themselves (same port) and resend what never landed.
        await Promise.all(clients.map((c) => waitFor(() => c.provider.synced && c.provider.wsconnected, 'clients to reconnect', 15_000)));
      }
      // And at the end, everyone agrees with what a fresh reader is served.
      const last = connectClient(proc.collabUrl, DRAFT_ID, { token });
      clients.push(last);
      await last.waitSynced();
      await waitFor(
        () => clients.every((c) => bodyString(c.doc) === bodyString(last.doc)),
        'everyone to converge after the last restart',
        15_000,
      );
    } catch (error) {
      console.log(`[hardening] crash durability failed with SEED=${seed}`);
      throw error;
    }
    console.log(
      `[hardening] crash durability: ${KILLS} kill -9s, ${checked} updates received by the observer, ${lost} lost (seed ${seed})`,
    );
    expect(lost).toBe(0);
  }, soakOr(55_000, 600_000));
});
