import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeFrame,
  encodeAwarenessFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateFrame,
  type IncomingFrame,
} from '../../../server/collab/protocol.ts';
import { MESSAGE_TYPES } from '../../../shared/protocol/messageTypes.ts';
import { mulberry32, toHex } from './yjsFixtures.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const QUERY_AWARENESS_FRAME = bytes(MESSAGE_TYPES.queryAwareness);
/** 147 continuation bytes then a terminator: lib0 reads this varint as NaN rather than failing. */
const NAN_VARINT = [...Array(147).fill(0x80), 0x00];

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 42;
  doc.getXmlFragment('body').insert(0, [new Y.XmlText('Council votes tonight')]);
  return doc;
}

function sampleAwarenessUpdate(): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(sampleDoc());
  awareness.setLocalState({ user: { name: 'Ada', color: '#336699' } });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return update;
}

function expectMalformed(frame: IncomingFrame, reason: RegExp): void {
  expect(frame.kind).toBe('malformed');
  if (frame.kind === 'malformed') expect(frame.reason).toMatch(reason);
}

/** Every kind of frame a client may send, each with the bytes that encode it. */
function validFrames(): Array<[string, Uint8Array, IncomingFrame]> {
  const doc = sampleDoc();
  const stateVector = Y.encodeStateVector(doc);
  const update = Y.encodeStateAsUpdate(doc);
  const awareness = sampleAwarenessUpdate();
  const large = new Uint8Array(300).map((_, i) => i & 0xff);
  return [
    ['sync step 1', encodeSyncStep1(stateVector), { kind: 'sync-step1', stateVector }],
    ['sync step 2', encodeSyncStep2(update), { kind: 'sync-step2', update }],
    ['sync update', encodeUpdateFrame(update), { kind: 'sync-update', update }],
    ['sync update with a payload over 127 bytes', encodeUpdateFrame(large), { kind: 'sync-update', update: large }],
    ['sync step 1 with an empty state vector', encodeSyncStep1(new Uint8Array(0)), { kind: 'sync-step1', stateVector: new Uint8Array(0) }],
    ['awareness', encodeAwarenessFrame(awareness), { kind: 'awareness', update: awareness }],
    ['query awareness', QUERY_AWARENESS_FRAME, { kind: 'query-awareness' }],
  ];
}

describe('decodeFrame: frames that decode', () => {
  it.each(validFrames())('[CS1] round-trips a %s frame through its encoder', (_name, frame, expected) => {
    expect(decodeFrame(frame)).toEqual(expected);
  });

  it('[CS1] decodes the frames the stock y-websocket provider writes', () => {
    const doc = sampleDoc();
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_TYPES.sync);
    syncProtocol.writeSyncStep1(step1, doc);
    expect(decodeFrame(encoding.toUint8Array(step1))).toEqual({
      kind: 'sync-step1',
      stateVector: Y.encodeStateVector(doc),
    });

    const update = Y.encodeStateAsUpdate(doc);
    const updateMessage = encoding.createEncoder();
    encoding.writeVarUint(updateMessage, MESSAGE_TYPES.sync);
    syncProtocol.writeUpdate(updateMessage, update);
    const updateBytes = encoding.toUint8Array(updateMessage);
    expect(decodeFrame(updateBytes)).toEqual({ kind: 'sync-update', update });
    // And the server's encoder writes the very same bytes.
    expect(encodeUpdateFrame(update)).toEqual(updateBytes);
  });

  it('[CS1] decodes a frame that is a view into a larger buffer (as ws hands them over)', () => {
    const frame = encodeUpdateFrame(Y.encodeStateAsUpdate(sampleDoc()));
    const pool = new Uint8Array(frame.byteLength + 20).fill(0xee);
    pool.set(frame, 7);
    const view = pool.subarray(7, 7 + frame.byteLength);
    expect(decodeFrame(view)).toEqual(decodeFrame(frame));
  });
});

describe('decodeFrame: frames that do not decode', () => {
  it.each<[string, Uint8Array, RegExp]>([
    ['empty input', bytes(), /truncated/],
    ['a sync message with no step', bytes(0), /truncated/],
    ['a sync step with no payload length', bytes(0, 2), /truncated/],
    ['a payload shorter than its length', bytes(0, 2, 5, 1, 2), /truncated/],
    ['a payload length that is an unfinished varint', bytes(0, 2, 0x80), /truncated/],
    ['an awareness message with no payload', bytes(1), /truncated/],
    ['an oversized varint (11 bytes of 0xff)', bytes(...Array(11).fill(0xff)), /truncated/],
    ['an oversized varint as the payload length', bytes(0, 2, ...Array(11).fill(0xff)), /truncated/],
    ['a message type that reads as NaN', bytes(...NAN_VARINT), /unknown message type/],
    ['a payload length that reads as NaN', bytes(0, 2, ...NAN_VARINT, 1, 2, 3), /./],
    ['an unknown sync step', bytes(0, 3, 0), /unknown sync step 3/],
    ['the auth message type (not spoken here)', bytes(MESSAGE_TYPES.auth, 0), /unknown message type 2/],
    ['the server-only saved message type', bytes(MESSAGE_TYPES.saved, 0), /unknown message type 100/],
    ['an unknown message type', bytes(7, 0, 0), /unknown message type 7/],
    ['query awareness with trailing bytes', bytes(MESSAGE_TYPES.queryAwareness, 0), /trailing/],
  ])('[CS1] reports %s as malformed', (_name, frame, reason) => {
    expectMalformed(decodeFrame(frame), reason);
  });

  it.each(validFrames())('[CS1] reports a %s frame with a trailing byte as malformed', (_name, frame) => {
    expectMalformed(decodeFrame(new Uint8Array([...frame, 0])), /trailing/);
  });

  it.each(validFrames())('[CS1] reports every truncation of a %s frame as malformed', (_name, frame) => {
    for (let length = 0; length < frame.byteLength; length++) {
      const cut = frame.slice(0, length);
      expect(decodeFrame(cut).kind, `cut to ${length}: ${toHex(cut)}`).toBe('malformed');
    }
  });

  it('[CS1] never reads past the end of a view into a larger buffer', () => {
    // The payload claims 10 bytes; only 3 belong to the frame, the rest of the pool is someone else's.
    const pool = new Uint8Array(64).fill(0xee);
    pool.set([0, 2, 10, 1, 2, 3], 0);
    expect(decodeFrame(pool.subarray(0, 6)).kind).toBe('malformed');
  });

  it('[CS1] never throws, whatever the bytes (seeded random frames)', () => {
    const seed = 0xf4a3e;
    const random = mulberry32(seed);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 24);
      const frame = new Uint8Array(length).map(() => Math.floor(random() * 256));
      // Bias towards plausible headers so the decoder goes past its first byte.
      if (length > 0 && random() < 0.6) frame[0] = Math.floor(random() * 4);
      if (length > 1 && frame[0] === 0 && random() < 0.6) frame[1] = Math.floor(random() * 4);
      let decoded: IncomingFrame;
      try {
        decoded = decodeFrame(frame);
      } catch (error) {
        throw new Error(`seed ${seed}, case ${i}: decodeFrame threw ${String(error)} on ${toHex(frame)}`);
      }
      if (decoded.kind === 'malformed') expect(decoded.reason.length).toBeGreaterThan(0);
    }
  });
});
