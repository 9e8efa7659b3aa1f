import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE_TYPES, SYNC_STEPS } from '../../shared/protocol/messageTypes.ts';

/**
 * The y-websocket frame codec: pure functions from bytes to a typed frame and
 * back. Decoding never throws; anything it cannot read whole (truncated,
 * oversized varint, unknown type, trailing bytes) comes back as `malformed`.
 */
export type IncomingFrame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'malformed'; reason: string };

const malformed = (reason: string): IncomingFrame => ({ kind: 'malformed', reason });

export function decodeFrame(bytes: Uint8Array): IncomingFrame {
  try {
    const decoder = decoding.createDecoder(bytes);
    const frame = readFrame(decoder);
    if (frame.kind !== 'malformed' && decoding.hasContent(decoder)) {
      return malformed('trailing bytes after the message');
    }
    return frame;
  } catch {
    // lib0 throws on reading past the end and on varints longer than 53 bits.
    return malformed('truncated message');
  }
}

function readFrame(decoder: decoding.Decoder): IncomingFrame {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_TYPES.sync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEPS.step1) return { kind: 'sync-step1', stateVector: payload };
      if (step === SYNC_STEPS.step2) return { kind: 'sync-step2', update: payload };
      if (step === SYNC_STEPS.update) return { kind: 'sync-update', update: payload };
      return malformed(`unknown sync step ${step}`);
    }
    case MESSAGE_TYPES.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_TYPES.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      return malformed(`unknown message type ${type}`);
  }
}

function frameWithPayload(type: number, step: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (step !== null) encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frameWithPayload(MESSAGE_TYPES.sync, SYNC_STEPS.step1, stateVector);

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frameWithPayload(MESSAGE_TYPES.sync, SYNC_STEPS.step2, update);

export const encodeUpdateFrame = (update: Uint8Array): Uint8Array =>
  frameWithPayload(MESSAGE_TYPES.sync, SYNC_STEPS.update, update);

export const encodeAwarenessFrame = (update: Uint8Array): Uint8Array =>
  frameWithPayload(MESSAGE_TYPES.awareness, null, update);
