import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE_TYPES } from './messageTypes.ts';

/**
 * The `saved` frame tells a client which of its updates are durable on the
 * server: for each Yjs client id it names the clock up to which (exclusive)
 * that client's updates are stored. Its body is the same layout as an encoded
 * Yjs state vector: a count, then (client, clock) pairs.
 */
export function encodeSavedFrame(clocks: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.saved);
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `saved` frame (after its type varint). Throws on a truncated body. */
export function decodeSavedClocks(decoder: decoding.Decoder): Map<number, number> {
  const clocks = new Map<number, number>();
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    clocks.set(client, decoding.readVarUint(decoder));
  }
  return clocks;
}
