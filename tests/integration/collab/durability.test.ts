import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';
import { appendParagraph, bodyOf, bodyString, connectClient, typeInto, type TestClient } from '../../support/collabClient.ts';
import { spawnServer, type ServerProcess } from '../../support/serverProcess.ts';
import { makeDataDir, startTestServer, tokenInDataDir } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const DRAFT_ID = 'durable-draft';

async function seedDraft(dataDir: string): Promise<void> {
  const store = new SqliteDocumentStore(path.join(dataDir, 'copydesk.sqlite'));
  await store.createDraft({ id: DRAFT_ID, title: 'Durability', state: emptyDraftState() });
  await store.close();
}

describe('nothing a client received is lost', () => {
  const clients: TestClient[] = [];
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const proc of processes.splice(0)) {
      proc.child.kill('SIGKILL');
      await proc.exited;
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gives a fresh client after a restart everything written before it', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    await seedDraft(dataDir);
    let server = await startTestServer({ dataDir });
    const token = await server.tokenFor('editor');
    const writer = connectClient(server.collabUrl, DRAFT_ID, { token });
    clients.push(writer);
    await writer.waitSynced();
    for (let i = 0; i < 30; i++) appendParagraph(writer.doc, `paragraph ${i}`);
    await waitFor(async () => (await server.store.countPendingUpdates(DRAFT_ID)) >= 30, 'all updates stored');
    writer.destroy();
    clients.splice(0);
    await server.stop();

    server = await startTestServer({ dataDir });
    const reader = connectClient(server.collabUrl, DRAFT_ID, { token });
    clients.push(reader);
    await reader.waitSynced();
    // A new draft holds a headline, a standfirst and an empty paragraph; ours follow.
    expect(bodyOf(reader.doc).length).toBe(3 + 30);
    expect(bodyString(reader.doc)).toBe(bodyString(writer.doc));
    await server.stop();
  });

  it('[CS4] keeps, across kill -9 in the middle of a burst, every edit a second client had received', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    await seedDraft(dataDir);
    const token = await tokenInDataDir(dataDir, 'editor');
    // The build `npm start` runs, as a newsroom would deploy it.
    let proc = await spawnServer(dataDir, {}, { built: true });
    processes.push(proc);

    const writer = connectClient(proc.collabUrl, DRAFT_ID, { token });
    const observer = connectClient(proc.collabUrl, DRAFT_ID, { token });
    clients.push(writer, observer);
    await Promise.all([writer.waitSynced(), observer.waitSynced()]);

    // A bounded burst: type until the observer has seen a good part, then kill mid-stream.
    const burst = 'The council voted 7-2 to approve the budget after a four-hour debate. ';
    let typed = 0;
    const typing = setInterval(() => {
      if (typed < 40) {
        typeInto(writer.doc, burst.slice(0, 20));
        typed++;
      }
    }, 5);
    await waitFor(() => bodyString(observer.doc).length > 300, 'the observer to receive part of the burst');
    proc.child.kill('SIGKILL');
    await proc.exited;
    clearInterval(typing);
    // Freeze what the observer had received from the server before it died.
    const received = Y.encodeStateAsUpdate(observer.doc);
    const receivedText = bodyString(observer.doc);
    for (const client of clients.splice(0)) client.destroy();

    proc = await spawnServer(dataDir, {}, { built: true });
    processes.push(proc);
    const fresh = connectClient(proc.collabUrl, DRAFT_ID, { token });
    clients.push(fresh);
    await fresh.waitSynced();

    // Everything the observer had is in the restarted server's draft.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh.doc));
    const before = Y.encodeStateVector(merged);
    Y.applyUpdate(merged, received);
    expect(Y.encodeStateVector(merged)).toEqual(before);
    expect(receivedText.length).toBeGreaterThan(300);
    expect(bodyString(fresh.doc).length).toBeGreaterThanOrEqual(receivedText.length);
  });
});
