import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { gateAwareness, type AwarenessVerdict } from '../../../server/collab/awarenessGate.ts';
import { MAX_DISPLAY_NAME_CHARS } from '../../../shared/protocol/awareness.ts';
import { toHex } from './yjsFixtures.ts';

const LIMITS = { maxEntries: 4, maxStateChars: 256 };

/** A real awareness update, as the client's provider encodes it. */
function realUpdate(state: Record<string, unknown> | null, clientID = 17): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientID]);
  awareness.destroy();
  doc.destroy();
  return update;
}

/** A hand-made awareness update: the same layout, with any JSON text. */
function craftedUpdate(entries: Array<[clientId: number, clock: number, json: string]>, trailing: number[] = []): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  for (const byte of trailing) encoding.writeUint8(encoder, byte);
  return encoding.toUint8Array(encoder);
}

const user = (name: string, color = '#aa3300') => ({ user: { name, color } });

function expectRefused(verdict: AwarenessVerdict, reason: RegExp): void {
  expect(verdict.ok ? 'accepted' : verdict.reason).toMatch(reason);
}

describe('gateAwareness: updates that pass', () => {
  it('[CS7] accepts a real update naming a user, and returns its entries', () => {
    const state = { ...user('Ada Lovelace', '#336699'), cursor: null };
    const verdict = gateAwareness(realUpdate(state), LIMITS);
    expect(verdict).toEqual({ ok: true, entries: [{ clientId: 17, clock: expect.any(Number), state }] });
  });

  it('[CS7] accepts a null state (the client has left)', () => {
    const verdict = gateAwareness(realUpdate(null), LIMITS);
    expect(verdict).toEqual({ ok: true, entries: [{ clientId: 17, clock: expect.any(Number), state: null }] });
  });

  it('[CS7] accepts a state without a user field', () => {
    expect(gateAwareness(realUpdate({ cursor: { anchor: 'x' } }), LIMITS).ok).toBe(true);
  });

  it('[CS7] accepts several states, exactly up to the entry limit', () => {
    const entries = Array.from({ length: LIMITS.maxEntries }, (_, i): [number, number, string] => [
      i + 1,
      1,
      JSON.stringify(user(`Reporter ${i}`)),
    ]);
    const verdict = gateAwareness(craftedUpdate(entries), LIMITS);
    expect(verdict.ok && verdict.entries.map((e) => e.clientId)).toEqual([1, 2, 3, 4]);
  });

  it('[CS7] accepts a state exactly at the length limit, and a name exactly at its limit', () => {
    const name = 'N'.repeat(MAX_DISPLAY_NAME_CHARS);
    const base = JSON.stringify({ ...user(name), pad: '' });
    const json = JSON.stringify({ ...user(name), pad: 'p'.repeat(LIMITS.maxStateChars - base.length) });
    expect(json.length).toBe(LIMITS.maxStateChars);
    expect(gateAwareness(craftedUpdate([[1, 1, json]]), LIMITS).ok).toBe(true);
  });

  it('[CS7] accepts an upper-case colour', () => {
    expect(gateAwareness(realUpdate(user('Ada', '#AABBCC')), LIMITS).ok).toBe(true);
  });
});

describe('gateAwareness: updates that are refused', () => {
  it.each([
    ['a number', '42'],
    ['a string', '"hello"'],
    ['an array', '[{"user":{"name":"Ada","color":"#aa3300"}}]'],
    ['a boolean', 'true'],
  ])('[CS7] refuses a state that is %s, not an object', (_name, json) => {
    expectRefused(gateAwareness(craftedUpdate([[1, 1, json]]), LIMITS), /not an object/);
  });

  it.each([
    ['unfinished JSON', '{"user":'],
    ['an empty string', ''],
    ['JSON with a trailing comma', '{"a":1,}'],
  ])('[CS7] refuses a state that is %s', (_name, json) => {
    expectRefused(gateAwareness(craftedUpdate([[1, 1, json]]), LIMITS), /does not decode/);
  });

  it.each<[string, unknown]>([
    ['a user with no name', { color: '#aa3300' }],
    ['a user with an empty name', { name: '', color: '#aa3300' }],
    ['a user whose name is only spaces', { name: '   ', color: '#aa3300' }],
    ['a name one character too long', { name: 'N'.repeat(MAX_DISPLAY_NAME_CHARS + 1), color: '#aa3300' }],
    ['a name that is not a string', { name: 7, color: '#aa3300' }],
    ['a colour that is a word', { name: 'Ada', color: 'red' }],
    ['a three-digit colour', { name: 'Ada', color: '#a30' }],
    ['a colour with alpha', { name: 'Ada', color: '#aa3300ff' }],
    ['a colour with no hash', { name: 'Ada', color: 'aa3300' }],
    ['a colour that carries CSS', { name: 'Ada', color: '#aa3300; background:url(x)' }],
    ['a user that is null', null],
    ['a user that is a string', 'Ada'],
  ])('[CS7] refuses %s', (_name, userField) => {
    const json = JSON.stringify({ user: userField });
    expectRefused(gateAwareness(craftedUpdate([[1, 1, json]]), LIMITS), /user must have a name/);
  });

  it('[CS7] refuses one entry more than the limit', () => {
    const entries = Array.from({ length: LIMITS.maxEntries + 1 }, (_, i): [number, number, string] => [i + 1, 1, '{}']);
    expectRefused(gateAwareness(craftedUpdate(entries), LIMITS), /more than 4 awareness states/);
  });

  it('[CS7] refuses an entry count past the limit before reading any entry', () => {
    expectRefused(gateAwareness(new Uint8Array([0xe8, 0x07]), LIMITS), /more than 4/);
  });

  it('[CS7] refuses a state one character longer than the limit', () => {
    const json = JSON.stringify({ pad: 'p'.repeat(LIMITS.maxStateChars - 10 + 1) });
    expect(json.length).toBe(LIMITS.maxStateChars + 1);
    expectRefused(gateAwareness(craftedUpdate([[1, 1, json]]), LIMITS), /longer than 256/);
  });

  it('[CS7] refuses a later bad entry even when the first one is fine', () => {
    const update = craftedUpdate([
      [1, 1, JSON.stringify(user('Ada'))],
      [2, 1, JSON.stringify(user('Bob', 'blue'))],
    ]);
    expectRefused(gateAwareness(update, LIMITS), /user must have/);
  });

  it('[CS7] refuses trailing bytes after the states', () => {
    const update = realUpdate(user('Ada'));
    expectRefused(gateAwareness(new Uint8Array([...update, 0]), LIMITS), /trailing bytes/);
  });

  it('[CS7] refuses every truncation of a real update, and never throws', () => {
    const update = realUpdate({ ...user('Ada Lovelace'), cursor: { anchor: 'abc', head: 'def' } });
    expect(gateAwareness(update, LIMITS).ok).toBe(true);
    for (let length = 0; length < update.byteLength; length++) {
      const cut = update.slice(0, length);
      expect(gateAwareness(cut, LIMITS).ok, `cut to ${length}: ${toHex(cut)}`).toBe(false);
    }
  });

  it.each([
    ['empty input', []],
    ['an oversized varint', Array(11).fill(0xff)],
    ['a string length past the end', [1, 1, 1, 50, 0x7b]],
    ['invalid UTF-8 that is not JSON', [1, 1, 1, 2, 0xc3, 0x28]],
  ])('[CS7] refuses garbage (%s)', (_name, bytes) => {
    expect(gateAwareness(new Uint8Array(bytes), LIMITS).ok).toBe(false);
  });
});
