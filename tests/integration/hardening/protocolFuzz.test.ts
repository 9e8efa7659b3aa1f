import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessEntries } from '../../../server/collab/awarenessGate.ts';
import { encodeAwarenessFrame, encodeSyncStep1, encodeSyncStep2, encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, type TestClient } from '../../support/collabClient.ts';
import { createRandom, seedFromEnv, soakOr, type Random } from '../../support/seededRandom.ts';
import { loadStoredDoc, stateVectorOf, storedStateBase64 } from '../../support/storedDraft.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/**
 * Protocol fuzzing (CS1, CS2/CS3, CS7, CS8, CS16, CS20). Hostile frames are
 * sent on raw sockets, several per socket where the protocol lets a socket
 * live on (frames that must be taken quietly first, then one that must close
 * it). Each case either closes only its own socket with a named close code
 * and a reason, or is taken harmlessly (the socket still answers a sync step
 * 1). Meanwhile an editor keeps writing to one of the two drafts. The
 * other is fuzzed by a legal reviewer (who may write nothing, CS16) and must
 * stay byte-identical; the busy one is fuzzed by an editor and must hold
 * exactly what the honest editor wrote (a hostile editor may add deleted,
 * garbage-collected structs, which change no copy). `SEED=<n>` replays.
 */
const MIN_CASES = soakOr(1_000, 10_000);
const PARALLEL_SOCKETS = 12;
const MAX_MESSAGE_BYTES = 64 * 1024;
const QUIET = 'fuzz-quiet';
const BUSY = 'fuzz-busy';
/** Codes a hostile frame may be answered with. 45xx would mean the server, not the client, failed. */
const HOSTILE_CODES = new Set<number>([
  CLOSE_CODES.malformedMessage,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.messageTooLarge,
  CLOSE_CODES.invalidUpdate,
]);

type Expectation = 'close' | 'stay' | 'either';
interface FuzzCase {
  kind: string;
  /** One frame, or several sent one after another. */
  frame: Uint8Array | string | Uint8Array[];
  expect: Expectation;
}

const varint = (n: number) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  return encoding.toUint8Array(e);
};
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** An update adding `text` as a new client, built on `base`; `base` null makes one with dependencies the server lacks. */
function craftUpdate(base: Uint8Array | null, random: Random, edit?: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  else appendParagraph(doc, 'unseen ancestor');
  const before = Y.encodeStateVector(doc);
  if (edit) edit(doc);
  else appendParagraph(doc, random.text(40));
  return Y.encodeStateAsUpdate(doc, before);
}

function awarenessOf(entries: Array<{ clientId: number; clock: number; json: string }>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.json);
  }
  return encoding.toUint8Array(e);
}

/** Frames a socket must be able to send and stay open after. */
function harmlessCase(random: Random, base: Uint8Array): FuzzCase {
  switch (random.int(0, 5)) {
    case 0:
      return { kind: 'query awareness', frame: Uint8Array.of(3), expect: 'stay' };
    case 1:
      return { kind: 'sync step 1', frame: encodeSyncStep1(Y.encodeStateVector(new Y.Doc())), expect: 'stay' };
    case 2:
      // Re-sending what the draft already holds is not new: nothing is stored (CS2).
      return { kind: 'known update', frame: random.chance(0.5) ? encodeUpdateFrame(base) : encodeSyncStep2(base), expect: 'stay' };
    case 3:
      return { kind: 'empty update', frame: encodeUpdateFrame(Uint8Array.of(0, 0)), expect: 'stay' };
    case 4:
      return {
        kind: 'own awareness',
        frame: encodeAwarenessFrame(
          encodeAwarenessEntries([{ clientId: random.int(1, 2 ** 30), clock: random.int(0, 50), state: { cursor: { at: random.int(0, 99) } } }]),
        ),
        expect: 'stay',
      };
    default: {
      // A burst of awareness changes: thinned by the rate limit (CS20), never a close.
      const clientId = random.int(1, 2 ** 30);
      const burst = Array.from({ length: random.int(20, 120) }, (_, clock) =>
        encodeAwarenessFrame(encodeAwarenessEntries([{ clientId, clock, state: { cursor: { at: clock } } }])),
      );
      return { kind: 'awareness flood', frame: burst, expect: 'stay' };
    }
  }
}

/** A frame that must close its socket (or, for purely random input, may be taken harmlessly). */
function hostileCase(random: Random, base: Uint8Array): FuzzCase {
  switch (random.int(0, 16)) {
    case 0:
      return { kind: 'random bytes', frame: random.bytes(random.int(1, 96)), expect: 'either' };
    case 1:
      return { kind: 'truncated varint', frame: Uint8Array.from({ length: random.int(1, 8) }, () => 0x80 | random.int(0, 127)), expect: 'close' };
    case 2:
      return { kind: 'oversized varint', frame: concat(new Uint8Array(random.int(9, 16)).fill(0xff), Uint8Array.of(1)), expect: 'close' };
    case 3:
      return {
        kind: 'oversized length varint',
        frame: concat(Uint8Array.of(0, 2), new Uint8Array(random.int(8, 12)).fill(0xff), Uint8Array.of(1, 0)),
        expect: 'close',
      };
    case 4:
      return {
        kind: 'unknown message type',
        frame: concat(varint(random.pick([2, 4, 5, 17, 99, 100, 101, 255, 65_536, 2 ** 31])), random.bytes(random.int(0, 16))),
        expect: 'close',
      };
    case 5:
      return { kind: 'unknown sync step', frame: concat(Uint8Array.of(0), varint(random.int(3, 300)), varint(0)), expect: 'close' };
    case 6:
      return { kind: 'payload shorter than its length', frame: concat(Uint8Array.of(0, 2), varint(random.int(10, 500)), random.bytes(5)), expect: 'close' };
    case 7:
      return { kind: 'trailing bytes', frame: concat(Uint8Array.of(3), random.bytes(random.int(1, 8))), expect: 'close' };
    case 8:
      return { kind: 'undecodable update (random)', frame: encodeUpdateFrame(random.bytes(random.int(1, 200))), expect: 'either' };
    case 9: {
      const update = craftUpdate(base, random);
      return { kind: 'truncated update', frame: encodeUpdateFrame(update.subarray(0, random.int(1, update.length - 1))), expect: 'close' };
    }
    case 10:
      return { kind: 'update with missing dependencies', frame: encodeUpdateFrame(craftUpdate(null, random)), expect: 'close' };
    case 11:
      return {
        kind: 'update to a new root type',
        frame: encodeUpdateFrame(craftUpdate(base, random, (doc) => doc.getMap(`evil-${random.int(0, 9)}`).set('k', 'v'))),
        expect: 'close',
      };
    case 12:
      return {
        kind: 'huge awareness state',
        frame: encodeAwarenessFrame(awarenessOf([{ clientId: random.int(1, 1e6), clock: 1, json: JSON.stringify({ pad: 'x'.repeat(17_000) }) }])),
        expect: 'close',
      };
    case 13:
      return {
        kind: 'too many awareness states',
        frame: encodeAwarenessFrame(awarenessOf(Array.from({ length: 1001 }, (_, i) => ({ clientId: i + 1, clock: 1, json: 'null' })))),
        expect: 'close',
      };
    case 14:
      return {
        kind: 'awareness that is not a JSON object',
        frame: encodeAwarenessFrame(
          awarenessOf([{ clientId: random.int(1, 1e6), clock: 1, json: random.pick(['{not json', '[1,2]', '42', '"s"', '{"user":{"name":"","color":"red"}}']) }]),
        ),
        expect: 'close',
      };
    case 15:
      return { kind: 'message over the size limit', frame: encodeUpdateFrame(random.bytes(MAX_MESSAGE_BYTES + random.int(1, 4096))), expect: 'close' };
    default:
      return { kind: 'text frame', frame: random.text(20), expect: 'close' };
  }
}

describe('protocol fuzzing: hostile frames close only their own socket', () => {
  let server: TestServer;
  let editor: TestClient;
  let token: string;
  let legalToken: string;
  let quietBefore: string;
  let quietBase: Uint8Array;
  /** Client ids of the busy draft as created (its headline, standfirst and first paragraph). */
  let busyInitialClients: Set<string>;

  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
    token = await server.tokenFor('editor');
    legalToken = await server.tokenFor('legal');
    for (const id of [QUIET, BUSY]) await server.store.createDraft({ id, title: id, state: emptyDraftState() });
    quietBefore = await storedStateBase64(server.store, QUIET);
    quietBase = Y.encodeStateAsUpdate(await loadStoredDoc(server.store, QUIET));
    busyInitialClients = new Set(Object.keys(stateVectorOf(await loadStoredDoc(server.store, BUSY))));
    editor = connectClient(server.collabUrl, BUSY, { token });
    await editor.waitSynced();
  });
  afterAll(async () => {
    editor?.destroy();
    await server?.dispose();
  });

  it('[CS1][CS3][CS7][CS8][CS16][CS20] closes each offender with a named code; the server, other clients and the drafts are untouched', async () => {
    const seed = seedFromEnv();
    const random = createRandom(seed);
    const tally = { cases: 0, sockets: 0, closed: 0, taken: 0, crashes: 0, corruptions: 0, byKind: new Map<string, number>() };
    const failures: string[] = [];

    // A flood is a list of frames, not one frame behind a marker byte: random bytes may start with any byte.
    function send(socket: import('ws').WebSocket, frame: FuzzCase['frame']) {
      if (Array.isArray(frame)) for (const each of frame) socket.send(each);
      else socket.send(frame);
    }

    /** One socket: some harmless cases, then (usually) one hostile one. */
    async function runSocket(draftId: string, base: Uint8Array) {
      const cases: FuzzCase[] = Array.from({ length: random.int(0, 5) }, () => harmlessCase(random, base));
      if (random.chance(0.9)) cases.push(hostileCase(random, base));
      const as = draftId === QUIET ? legalToken : token;
      const raw = openRawSocket(`${server.collabUrl}/${draftId}?token=${encodeURIComponent(as)}`);
      tally.sockets++;
      await raw.opened;
      await waitFor(() => raw.received.length > 0, 'the server greeting');
      let closedWith: { code: number; reason: string } | undefined;
      void raw.closed.then((closed) => (closedWith = closed));
      // Sync step 2 answers asked for so far: a case that is itself a sync step 1 asks for one besides the probe's,
      // and that one may arrive before the probe's answer, which must not then count for the next case.
      let answersAsked = 0;
      const answersHeard = () => raw.received.filter((f) => f[0] === 0 && f[1] === 1).length;
      for (const fuzz of cases) {
        tally.cases++;
        tally.byKind.set(fuzz.kind, (tally.byKind.get(fuzz.kind) ?? 0) + 1);
        send(raw.socket, fuzz.frame);
        if (!Array.isArray(fuzz.frame) && fuzz.frame[0] === 0 && fuzz.frame[1] === 0) answersAsked++;
        // Frames are handled in order: an answer to this probe means the case was taken.
        if (raw.socket.readyState === raw.socket.OPEN) {
          raw.socket.send(encodeSyncStep1(Uint8Array.of(0)));
          answersAsked++;
        }
        const outcome = await waitFor(
          () => (closedWith ? 'closed' : answersHeard() >= answersAsked ? 'taken' : undefined),
          `an answer or a close for "${fuzz.kind}"`,
          10_000,
        ).catch(() => 'hung' as const);
        if (outcome === 'closed') {
          tally.closed++;
          if (fuzz.expect === 'stay') failures.push(`"${fuzz.kind}" closed a socket it should not have: ${JSON.stringify(closedWith)}`);
          else if (!HOSTILE_CODES.has(closedWith!.code) || closedWith!.reason.length === 0) {
            failures.push(`"${fuzz.kind}" closed with an unclear code: ${JSON.stringify(closedWith)}`);
          }
          return;
        }
        if (outcome === 'hung') {
          failures.push(`"${fuzz.kind}" got neither an answer nor a close`);
          raw.socket.terminate();
          return;
        }
        tally.taken++;
        if (fuzz.expect === 'close') failures.push(`"${fuzz.kind}" was taken instead of closing the socket`);
      }
      raw.socket.close();
      await raw.closed;
    }

    let round = 0;
    while (tally.cases < MIN_CASES) {
      round++;
      // The honest editor keeps writing through all of it.
      appendParagraph(editor.doc, `round ${round}`);
      const busyBase = Y.encodeStateAsUpdate(editor.doc);
      await Promise.all(
        Array.from({ length: PARALLEL_SOCKETS }, () => (random.chance(0.5) ? runSocket(QUIET, quietBase) : runSocket(BUSY, busyBase))),
      );
      const health = await fetch(`${server.url}/healthz`).catch(() => undefined);
      if (health?.status !== 200) tally.crashes++;
    }

    // Another client joins and sees exactly what the editor wrote; the editor was never closed.
    const witness = connectClient(server.collabUrl, BUSY, { token });
    await witness.waitSynced();
    await waitFor(() => bodyString(witness.doc) === bodyString(editor.doc), 'the witness to see every honest edit');
    witness.destroy();
    expect(editor.closes).toEqual([]);
    // Stored: the quiet draft byte for byte as before; the busy one exactly the editor's copy.
    await waitFor(async () => JSON.stringify(stateVectorOf(await loadStoredDoc(server.store, BUSY))) === JSON.stringify(stateVectorOf(editor.doc)), 'the editor’s last edit to be stored');
    if ((await storedStateBase64(server.store, QUIET)) !== quietBefore) {
      tally.corruptions++;
      failures.push(`the quiet draft changed: ${JSON.stringify(stateVectorOf(await loadStoredDoc(server.store, QUIET)))}`);
    }
    const busy = await loadStoredDoc(server.store, BUSY);
    // Strangers: clients other than the honest editor's and the new draft's own that hold anything but GC structs.
    const strangers = [...busy.store.clients.entries()]
      .filter(([client]) => client !== editor.doc.clientID && !busyInitialClients.has(String(client)))
      .filter(([, structs]) => structs.some((struct) => !(struct instanceof Y.GC)))
      .map(([client]) => String(client));
    if (bodyString(busy) !== bodyString(editor.doc) || strangers.length > 0) {
      tally.corruptions++;
      failures.push(`the busy draft holds more than the editor wrote: strangers ${strangers.join(',')}; ${bodyString(busy).slice(-300)}`);
    }

    const kinds = [...tally.byKind.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(
      `[hardening] fuzz: ${tally.cases} cases on ${tally.sockets} sockets (${tally.closed} closed, ${tally.taken} taken harmlessly), ` +
        `${tally.crashes} crashes, ${tally.corruptions} corruptions, ${failures.length} wrong answers (seed ${seed})`,
    );
    console.log(`[hardening] fuzz cases by kind: ${kinds}`);
    if (failures.length > 0) console.log(`[hardening] fuzz failed with SEED=${seed}:\n${failures.slice(0, 20).join('\n')}`);
    expect(tally.crashes).toBe(0);
    expect(tally.corruptions).toBe(0);
    expect(failures).toEqual([]);
    expect(tally.cases).toBeGreaterThanOrEqual(MIN_CASES);
  }, soakOr(55_000, 600_000));
});
