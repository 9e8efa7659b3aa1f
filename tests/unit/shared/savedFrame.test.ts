import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../../../shared/protocol/messageTypes.ts';
import { decodeSavedClocks, encodeSavedFrame } from '../../../shared/protocol/savedFrame.ts';

/** Reads a whole `saved` frame: its type, then its clocks. */
function decodeSavedFrame(frame: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_TYPES.saved);
  const clocks = decodeSavedClocks(decoder);
  expect(decoding.hasContent(decoder)).toBe(false);
  return clocks;
}

describe('saved frame', () => {
  it.each<[string, Map<number, number>]>([
    ['no clocks', new Map()],
    ['one client', new Map([[12345, 7]])],
    [
      'several clients with large ids and clocks',
      new Map([
        [1, 0],
        [2 ** 32 - 1, 300],
        [Number.MAX_SAFE_INTEGER, 2 ** 40],
      ]),
    ],
  ])('[CS14] round-trips %s', (_name, clocks) => {
    expect(decodeSavedFrame(encodeSavedFrame(clocks))).toEqual(clocks);
  });

  it('[CS14] starts with the saved message type, which the stock provider does not use', () => {
    expect(encodeSavedFrame(new Map([[1, 2]]))[0]).toBe(MESSAGE_TYPES.saved);
  });

  it('[CS14] throws when decoding a truncated body, at every cut', () => {
    const frame = encodeSavedFrame(
      new Map([
        [987654321, 4242],
        [3, 1],
      ]),
    );
    // Byte 0 is the type; the body starts at 1.
    for (let length = 1; length < frame.byteLength; length++) {
      const decoder = decoding.createDecoder(frame.slice(0, length));
      decoding.readVarUint(decoder);
      expect(() => decodeSavedClocks(decoder), `cut to ${length}`).toThrow();
    }
  });
});
