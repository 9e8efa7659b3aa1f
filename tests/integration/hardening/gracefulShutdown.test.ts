import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MESSAGE_TYPES } from '../../../shared/protocol/messageTypes.ts';
import { decodeSavedClocks } from '../../../shared/protocol/savedFrame.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, type TestClient } from '../../support/collabClient.ts';
import { spawnServer, type ServerProcess } from '../../support/serverProcess.ts';
import { makeDataDir, tokenInDataDir } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/**
 * CS15 on a real process: SIGTERM stops taking connections, lets every
 * pending write settle, closes live sockets with 1001 (the stock provider
 * reconnects), and exits 0. Started again right after, the server serves
 * everything it had stored, and every edit the writers made is there once
 * they reconnect.
 */
const DRAFT_ID = 'shutdown-draft';

describe('graceful shutdown on SIGTERM', () => {
  const dataDir = makeDataDir();
  const clients: TestClient[] = [];
  const procs: ServerProcess[] = [];
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const proc of procs) {
      if (proc.child.exitCode === null && proc.child.signalCode === null) {
        proc.child.kill('SIGKILL');
        await proc.exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('[CS15] closes with 1001, refuses new sockets, flushes writes, exits 0, and a restart loses nothing', async () => {
    const store = new SqliteDocumentStore(path.join(dataDir, 'copydesk.sqlite'));
    await store.createDraft({ id: DRAFT_ID, title: 'Shutdown', state: emptyDraftState() });
    await store.close();
    const token = await tokenInDataDir(dataDir, 'editor');
    const proc = await spawnServer(dataDir);
    procs.push(proc);

    const writer = connectClient(proc.collabUrl, DRAFT_ID, { token, params: { ack: '1' } });
    const observer = connectClient(proc.collabUrl, DRAFT_ID, { token });
    clients.push(writer, observer);
    await Promise.all([writer.waitSynced(), observer.waitSynced()]);
    /** The writer's clock the server has confirmed stored (CS14 `saved` frames). */
    let acked = 0;
    writer.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(decoder) !== MESSAGE_TYPES.saved) return;
      acked = Math.max(acked, decodeSavedClocks(decoder).get(writer.doc.clientID) ?? 0);
    });
    for (let i = 0; i < 20; i++) appendParagraph(writer.doc, `before the signal ${i}`);
    await waitFor(() => bodyString(observer.doc).includes('before the signal 19'), 'the observer to see the first burst');

    // A burst still on the wire when the signal lands.
    for (let i = 0; i < 200; i++) appendParagraph(writer.doc, `in flight ${i}`);
    proc.child.kill('SIGTERM');
    const late = openRawSocket(`${proc.collabUrl}/${DRAFT_ID}?token=${encodeURIComponent(token)}`);
    late.opened.catch(() => undefined);
    const lateOutcome = await Promise.race([
      late.closed.then((c) => `closed ${c.code}`),
      waitFor(() => late.received.length > 0, 'a greeting', 15_000).then(() => 'greeted'),
    ]).catch(() => 'nothing');

    expect(await proc.exited).toBe(0);
    await waitFor(() => writer.closes.length > 0 && observer.closes.length > 0, 'both clients to see the close');
    expect(writer.closes[0]!.code).toBe(CLOSE_CODES.goingAway);
    expect(observer.closes[0]!.code).toBe(CLOSE_CODES.goingAway);
    // A socket opened after the signal is never served: refused at the door or closed with 1001.
    expect(lateOutcome).not.toBe('greeted');
    const observed = Y.encodeStateAsUpdate(observer.doc);
    const observedText = bodyString(observer.doc);
    const ackedAtSignal = acked;
    // The old clients stay away (their port is gone) until the flushed state has been checked.
    writer.provider.disconnect();
    observer.provider.disconnect();

    const restarted = await spawnServer(dataDir);
    procs.push(restarted);
    const fresh = connectClient(restarted.collabUrl, DRAFT_ID, { token });
    clients.push(fresh);
    await fresh.waitSynced();
    // Everything the server had relayed before it went is served after.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(fresh.doc));
    const servedVector = Y.encodeStateVector(merged);
    Y.applyUpdate(merged, observed);
    expect(Y.encodeStateVector(merged)).toEqual(servedVector);
    expect(bodyString(fresh.doc).length).toBeGreaterThanOrEqual(observedText.length);
    // Every write the server confirmed before or during the drain is there, without any resend.
    expect(ackedAtSignal).toBeGreaterThan(0);
    expect(Y.getState(fresh.doc.store, writer.doc.clientID)).toBeGreaterThanOrEqual(ackedAtSignal);
    // And the writer, coming back with the same document, brings whatever had not landed: nothing is lost.
    writer.provider.destroy();
    const back = connectClient(restarted.collabUrl, DRAFT_ID, { token, doc: writer.doc });
    clients.push(back);
    await waitFor(() => bodyString(fresh.doc).includes('in flight 199'), 'every edit of the writer to arrive', 15_000);
    expect(bodyString(fresh.doc)).toBe(bodyString(writer.doc));
    console.log(
      `[hardening] shutdown: SIGTERM -> exit 0, sockets closed with ${writer.closes[0]!.code}, late socket ${lateOutcome}, ` +
        `writer clock ${ackedAtSignal} confirmed stored by the drain and served after restart, ` +
        `${bodyString(fresh.doc).split('<paragraph>').length - 1} paragraphs served after restart, 0 lost`,
    );
  });
});
