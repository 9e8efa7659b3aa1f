import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { advanceKnownClocks, gateUpdate, type UpdateVerdict } from '../../../server/collab/updateGate.ts';
import {
  applyToCopy,
  decodeSections,
  encodeSections,
  expectedStateVector,
  id,
  makeServerDoc,
  mulberry32,
  paragraphText,
  peerOf,
  SERVER_CLIENT,
  sortedEntries,
  stateVectorOf,
  stringItem,
  toHex,
  updateOf,
  updatesOf,
  type Section,
  type Struct,
} from './yjsFixtures.ts';

const MAX_BYTES = 1 << 20;

/**
 * The world every case is judged in: the server's draft (client 1), a client
 * (2) synced to it, and a third client (3) whose edits the server has never
 * seen but client 2 has — which is how an update comes to refer to items
 * the server lacks.
 */
function makeWorld() {
  const server = makeServerDoc();
  const known = stateVectorOf(server);
  const client = peerOf(server, 2);
  const stranger = peerOf(server, 3);
  /** Gives client 2 an edit of client 3's that the server never receives. */
  const strangerEdit = (edit: (doc: Y.Doc) => void): void => {
    Y.applyUpdate(client, updateOf(stranger, () => edit(stranger)));
  };
  return { server, known, client, stranger, strangerEdit };
}

const gate = (update: Uint8Array, known: ReadonlyMap<number, number>, maxBytes = MAX_BYTES): UpdateVerdict =>
  gateUpdate(update, known, maxBytes);

function expectRefused(verdict: UpdateVerdict, reason: RegExp): void {
  expect(verdict.ok ? 'accepted' : verdict.reason).toMatch(reason);
}

function expectAccepted(verdict: UpdateVerdict): asserts verdict is Extract<UpdateVerdict, { ok: true }> {
  expect(verdict.ok ? 'accepted' : `refused: ${verdict.reason}`).toBe('accepted');
}

/**
 * What must hold whenever the gate accepts: Yjs applies the update to a copy
 * of the draft without throwing, parks nothing as pending, and ends at the
 * state vector the room will believe in (`known` advanced by the verdict's
 * clocks). Returns a description of the first violation, or null.
 */
function oracleViolation(
  server: Y.Doc,
  known: ReadonlyMap<number, number>,
  update: Uint8Array,
  verdict: UpdateVerdict,
): string | null {
  if (!verdict.ok) return null;
  const outcome = applyToCopy(server, update);
  if (outcome.threw !== undefined) return `applyUpdate threw: ${outcome.threw}`;
  if (outcome.hasPending) return 'Yjs parked structs or deletes as pending';
  const expected = JSON.stringify(sortedEntries(expectedStateVector(known, verdict.clocks)));
  const actual = JSON.stringify(sortedEntries(outcome.stateVector));
  if (expected !== actual) return `state vector after apply ${actual}, room would believe ${expected}`;
  return null;
}

describe('gateUpdate: updates that pass', () => {
  it('[CS2] accepts a first update from a synced client and reports its clocks', () => {
    const { server, known, client } = makeWorld();
    const update = updateOf(client, () => paragraphText(client, 0).insert(5, ','));
    const verdict = gate(update, known);
    expectAccepted(verdict);
    expect(verdict.isNew).toBe(true);
    expect(sortedEntries(verdict.clocks)).toEqual([[2, 1]]);
    expect(oracleViolation(server, known, update, verdict)).toBeNull();
  });

  it('[CS2] accepts an update whose item names its parent by an id the same update brings', () => {
    const { server, known, client } = makeWorld();
    const update = updateOf(client, () => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'A new paragraph');
      paragraph.insert(0, [text]);
      client.getXmlFragment('body').insert(1, [paragraph]);
    });
    // Precondition: the text's parent is given by the id of the new paragraph.
    const parented = Y.decodeUpdate(update).structs.filter(
      (s) => s instanceof Y.Item && s.parent instanceof Y.ID && s.parent.client === 2,
    );
    expect(parented.length).toBeGreaterThan(0);
    const verdict = gate(update, known);
    expectAccepted(verdict);
    expect(oracleViolation(server, known, update, verdict)).toBeNull();
  });

  it('[CS2] accepts an update whose origin is brought by an earlier struct of the same update', () => {
    const { server, known, client } = makeWorld();
    const [first, second] = updatesOf(client, () => {
      paragraphText(client, 0).insert(11, '!');
      paragraphText(client, 0).insert(12, '?');
    });
    const merged = Y.mergeUpdates([first!, second!]);
    const items = Y.decodeUpdate(merged).structs.filter((s): s is Y.Item => s instanceof Y.Item);
    expect(items.some((item) => item.origin?.client === 2)).toBe(true);
    const verdict = gate(merged, known);
    expectAccepted(verdict);
    expect(sortedEntries(verdict.clocks)).toEqual([[2, 2]]);
    expect(oracleViolation(server, known, merged, verdict)).toBeNull();
  });

  it('[CS2] accepts a delete of known items: nothing new is built, but it is new', () => {
    const { server, known, client } = makeWorld();
    const update = updateOf(client, () => paragraphText(client, 0).delete(0, 6));
    const verdict = gate(update, known);
    expectAccepted(verdict);
    expect(verdict.isNew).toBe(true);
    expect(verdict.clocks.size).toBe(0);
    expect(oracleViolation(server, known, update, verdict)).toBeNull();
  });

  it('[CS2] accepts an update that only repeats known content, as not new', () => {
    const { server, client } = makeWorld();
    const update = updateOf(client, () => paragraphText(client, 0).insert(0, 'Breaking: '));
    Y.applyUpdate(server, update);
    const verdict = gate(update, stateVectorOf(server));
    expectAccepted(verdict);
    expect(verdict.isNew).toBe(false);
    expect(sortedEntries(verdict.clocks)).toEqual([[2, 10]]);
    // The whole draft sent back to the server is not new either.
    const whole = gate(Y.encodeStateAsUpdate(server), stateVectorOf(server));
    expectAccepted(whole);
    expect(whole.isNew).toBe(false);
  });

  it('[CS2] accepts an update that overlaps known content and extends it, as new', () => {
    const { server, client } = makeWorld();
    const [first, second] = updatesOf(client, () => {
      paragraphText(client, 0).insert(0, 'A');
      paragraphText(client, 0).insert(1, 'B');
    });
    Y.applyUpdate(server, first!);
    const known = stateVectorOf(server);
    const merged = Y.mergeUpdates([first!, second!]);
    const verdict = gate(merged, known);
    expectAccepted(verdict);
    expect(verdict.isNew).toBe(true);
    expect(oracleViolation(server, known, merged, verdict)).toBeNull();
  });

  it('[CS2] accepts the empty update (no structs, no deletes) as not new', () => {
    const verdict = gate(new Uint8Array([0, 0]), new Map());
    expectAccepted(verdict);
    expect(verdict.isNew).toBe(false);
    expect(verdict.clocks.size).toBe(0);
  });

  it('[CS2] accepts a first update to an empty draft', () => {
    const empty = new Y.Doc();
    const author = new Y.Doc();
    author.clientID = 5;
    const update = updateOf(author, () => author.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]));
    const verdict = gate(update, new Map());
    expectAccepted(verdict);
    expect(oracleViolation(empty, new Map(), update, verdict)).toBeNull();
  });
});

describe('gateUpdate: updates that are refused', () => {
  it('[CS2] refuses an update whose predecessor from the same client has not been seen (clock gap)', () => {
    const { known, client } = makeWorld();
    const [, second] = updatesOf(client, () => {
      paragraphText(client, 0).insert(0, 'x');
      // Into the other paragraph: refers only to the server's items, so the gap is the only fault.
      paragraphText(client, 1).insert(0, 'y');
    });
    const refs = Y.decodeUpdate(second!).structs.flatMap((s) =>
      s instanceof Y.Item ? [s.origin, s.rightOrigin].filter((ref) => ref !== null) : [],
    );
    expect(refs.every((ref) => ref!.client === SERVER_CLIENT)).toBe(true);
    expectRefused(gate(second!, known), /skips clocks of client 2/);
  });

  it('[CS2] refuses an update whose origin is unknown', () => {
    const { known, client, strangerEdit } = makeWorld();
    strangerEdit((doc) => paragraphText(doc, 0).insert(11, ' again'));
    const update = updateOf(client, () => paragraphText(client, 0).insert(17, '!'));
    expectRefused(gate(update, known), /unknown origin/);
  });

  it('[CS2] refuses an update whose right origin is unknown', () => {
    const { known, client, strangerEdit } = makeWorld();
    strangerEdit((doc) => paragraphText(doc, 0).insert(0, 'Update: '));
    const update = updateOf(client, () => paragraphText(client, 0).insert(0, 'LIVE '));
    const [item] = Y.decodeUpdate(update).structs as Y.Item[];
    expect(item!.origin).toBeNull();
    expect(item!.rightOrigin?.client).toBe(3);
    expectRefused(gate(update, known), /unknown right origin/);
  });

  it('[CS2] refuses an update whose parent, given by id, is unknown', () => {
    const { known, client, strangerEdit } = makeWorld();
    strangerEdit((doc) => doc.getXmlFragment('body').insert(2, [new Y.XmlElement('paragraph')]));
    const update = updateOf(client, () => {
      const paragraph = client.getXmlFragment('body').get(2) as Y.XmlElement;
      const text = new Y.XmlText();
      text.insert(0, 'Into a paragraph the server never saw');
      paragraph.insert(0, [text]);
    });
    const [item] = Y.decodeUpdate(update).structs as Y.Item[];
    expect(item!.parent).toBeInstanceOf(Y.ID);
    expectRefused(gate(update, known), /unknown parent/);
  });

  it('[CS2] refuses a delete of items the server does not know', () => {
    const { known, client, strangerEdit } = makeWorld();
    strangerEdit((doc) => paragraphText(doc, 0).insert(11, ' again'));
    const update = updateOf(client, () => paragraphText(client, 0).delete(11, 6));
    expect(Y.decodeUpdate(update).structs).toHaveLength(0);
    expectRefused(gate(update, known), /deletes unknown items/);
  });

  it('[CS2] refuses a delete range that starts within known items but runs past them', () => {
    const { known } = makeWorld();
    const end = known.get(SERVER_CLIENT)!;
    expectAccepted(gate(encodeSections([], [[SERVER_CLIENT, [[end - 3, 3]]]]), known));
    expectRefused(gate(encodeSections([], [[SERVER_CLIENT, [[end - 3, 4]]]]), known), /deletes unknown items/);
  });

  it('[CS2] refuses an empty delete range', () => {
    const { known } = makeWorld();
    expectRefused(gate(encodeSections([], [[SERVER_CLIENT, [[0, 0]]]]), known), /empty delete range/);
  });

  it('[CS2] refuses an update holding a Skip struct (two non-contiguous updates merged)', () => {
    const { known, client } = makeWorld();
    const [first, , third] = updatesOf(client, () => {
      paragraphText(client, 0).insert(0, 'a');
      paragraphText(client, 1).insert(0, 'b');
      paragraphText(client, 1).insert(16, 'c');
    });
    const merged = Y.mergeUpdates([first!, third!]);
    expect(Y.decodeUpdate(merged).structs.some((s) => s instanceof Y.Skip)).toBe(true);
    expectRefused(gate(merged, known), /skip/);
  });

  it('[CS2] refuses structs of one client that are not contiguous within the update', () => {
    const { known } = makeWorld();
    const origin = id(SERVER_CLIENT, known.get(SERVER_CLIENT)! - 1);
    const update = encodeSections([
      { client: 9, clock: 0, structs: [stringItem(9, 0, 'ab', { origin })] },
      { client: 9, clock: 5, structs: [stringItem(9, 5, 'cd', { origin })] },
    ]);
    // (With one section per client enforced, this is refused as a repeated section instead.)
    expectRefused(gate(update, known), /contiguous|section/i);
  });

  it('[CS2] refuses a client whose structs come in two sections, even when their clocks run on', () => {
    const { known } = makeWorld();
    const origin = id(SERVER_CLIENT, known.get(SERVER_CLIENT)! - 1);
    const update = encodeSections([
      { client: 9, clock: 0, structs: [stringItem(9, 0, 'ab', { origin })] },
      { client: 10, clock: 0, structs: [stringItem(10, 0, 'xy', { origin })] },
      { client: 9, clock: 2, structs: [stringItem(9, 2, 'cd', { origin })] },
    ]);
    expectRefused(gate(update, known), /section/i);
  });

  it('[CS2] refuses a struct of no length', () => {
    const { known } = makeWorld();
    const update = encodeSections([{ client: 9, clock: 0, structs: [stringItem(9, 0, '', { parent: 'body' })] }]);
    expectRefused(gate(update, known), /no length/);
  });

  it('[CS2] refuses an update larger than the bound, and accepts one exactly at it', () => {
    const { known, client } = makeWorld();
    const update = updateOf(client, () => paragraphText(client, 0).insert(0, 'x'.repeat(200)));
    expectRefused(gate(update, known, update.byteLength - 1), /larger than/);
    expectAccepted(gate(update, known, update.byteLength));
  });

  it.each([
    ['empty input', []],
    ['a single byte', [1]],
    ['eleven bytes of 0xff', Array(11).fill(0xff)],
    ['a section count with nothing after it', [3]],
    ['a struct count far past the end', [1, 0xff, 0xff, 0x03, 2, 0]],
    ['an unknown content type', [1, 1, 9, 0, 0x1f, 1, 4, 0x62, 0x6f, 0x64, 0x79, 0]],
    ['plain text', [...new TextEncoder().encode('not a yjs update')]],
    ['a delete set cut short', [0, 1, 1, 2, 0]],
  ])('[CS2] refuses garbage (%s) and never throws', (_name, bytes) => {
    const verdict = gate(new Uint8Array(bytes), new Map());
    expect(verdict.ok).toBe(false);
  });
});

describe('gateUpdate: damaged copies of real updates', () => {
  /** A real update with several clients' structs, formatting, a nested type and deletes. */
  function richUpdate() {
    const world = makeWorld();
    const { client } = world;
    const updates = updatesOf(client, () => {
      paragraphText(client, 0).insert(5, ', dear');
      paragraphText(client, 0).format(0, 5, { bold: true });
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'Third');
      paragraph.insert(0, [text]);
      client.getXmlFragment('body').insert(2, [paragraph]);
      paragraphText(client, 1).delete(0, 7);
      paragraphText(client, 0).delete(2, 2);
    });
    return { ...world, updates, update: Y.mergeUpdates(updates) };
  }

  it('[CS2] judges every truncation of a real update safely: refused, or harmless if accepted', () => {
    const { server, known, update } = richUpdate();
    expectAccepted(gate(update, known));
    let refused = 0;
    for (let length = 0; length < update.byteLength; length++) {
      const cut = update.slice(0, length);
      const verdict = gate(cut, known);
      if (!verdict.ok) refused++;
      const violation = oracleViolation(server, known, cut, verdict);
      expect(violation, `truncated to ${length} bytes: ${toHex(cut)}`).toBeNull();
    }
    expect(refused).toBeGreaterThan(update.byteLength / 2);
  });

  // Flipping bit 267 turns a right origin into a later clock of the same client
  // (2:8 for an item at 2:7): Yjs would throw, so the gate must refuse it.
  it('[CS2] judges every single-bit flip of a real update safely', () => {
    const { server, known, update } = richUpdate();
    for (let bit = 0; bit < update.byteLength * 8; bit++) {
      const flipped = update.slice();
      flipped[bit >> 3] = flipped[bit >> 3]! ^ (1 << (bit & 7));
      const verdict = gate(flipped, known);
      const violation = oracleViolation(server, known, flipped, verdict);
      expect(violation, `bit ${bit} flipped: ${toHex(flipped)}`).toBeNull();
    }
  });

  it('[CS2] oracle: ~2000 seeded byte-level mutations; whatever the gate accepts applies whole', () => {
    const seed = Number(process.env.GATE_FUZZ_SEED ?? 0x5eed_c0de);
    const random = mulberry32(seed);
    const { server, known, updates, update } = richUpdate();
    const pool = [...updates, update];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const at = (bytes: Uint8Array) => Math.floor(random() * (bytes.byteLength + 1));
    const mutate = (source: Uint8Array): [string, Uint8Array] => {
      const bytes = source.slice();
      const roll = random();
      if (roll < 0.2) return ['truncate', bytes.slice(0, at(bytes))];
      if (roll < 0.45) {
        const flips = 1 + Math.floor(random() * 3);
        for (let i = 0; i < flips; i++) {
          const index = Math.floor(random() * bytes.byteLength);
          bytes[index] = bytes[index]! ^ (1 << Math.floor(random() * 8));
        }
        return ['flip', bytes];
      }
      if (roll < 0.6) {
        bytes[Math.floor(random() * bytes.byteLength)] = Math.floor(random() * 256);
        return ['byte', bytes];
      }
      if (roll < 0.8) {
        const other = pick(pool);
        return ['splice', new Uint8Array([...bytes.slice(0, at(bytes)), ...other.slice(at(other))])];
      }
      if (roll < 0.9) {
        const from = at(bytes);
        const to = from + Math.floor(random() * (bytes.byteLength - from + 1));
        return ['cut-out', new Uint8Array([...bytes.slice(0, from), ...bytes.slice(to)])];
      }
      const from = at(bytes);
      const to = from + Math.floor(random() * 8);
      return ['repeat', new Uint8Array([...bytes.slice(0, to), ...bytes.slice(from)])];
    };
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const [kind, mutated] = mutate(pick(pool));
      let verdict: UpdateVerdict;
      try {
        verdict = gate(mutated, known);
      } catch (error) {
        throw new Error(`seed ${seed}, case ${i} (${kind}): gateUpdate threw ${String(error)} on ${toHex(mutated)}`);
      }
      if (verdict.ok) accepted++;
      else refused++;
      const violation = oracleViolation(server, known, mutated, verdict);
      expect(violation, `seed ${seed}, case ${i} (${kind}): ${toHex(mutated)}`).toBeNull();
    }
    // Neither branch may be vacuous.
    expect(accepted, `seed ${seed}`).toBeGreaterThan(20);
    expect(refused, `seed ${seed}`).toBeGreaterThan(1000);
  });
});

/**
 * Well-formed updates that no Yjs encoder writes, but any client can send.
 * Each would break Yjs (applyUpdate throws part-way or parks structs as
 * pending forever); since the room stores before applying, one accepted
 * would make the draft fail every later load (4503, CS10).
 */
describe('gateUpdate: crafted updates that must be refused', () => {
  const { server, known } = makeWorld();
  const end = known.get(SERVER_CLIENT)!;
  const last = id(SERVER_CLIENT, end - 1);
  /** 147 continuation bytes then a terminator: lib0 reads this varint as NaN, not as an error. */
  const NAN_VARINT = [...Array(147).fill(0x80), 0x00];
  /** Layout of a one-section update: [sections=1][structs=1][client][clock][structs...][deletes]. */
  const oneSection = (client: number) =>
    encodeSections([{ client, clock: 0, structs: [stringItem(client, 0, 'xyz', { origin: last })] }]);
  const nanClock = (() => {
    const update = oneSection(8);
    const withNewItem = encodeSections([{ client: 9, clock: 0, structs: [stringItem(9, 0, 'new', { origin: last })] }]);
    // Two sections: client 8 at clock NaN, then client 9 with a genuinely new item (so the update is stored).
    return new Uint8Array([2, update[1]!, update[2]!, ...NAN_VARINT, ...update.slice(4, -1), ...withNewItem.slice(1)]);
  })();
  const nanClient = (() => {
    const update = oneSection(8);
    return new Uint8Array([update[0]!, update[1]!, ...NAN_VARINT, ...update.slice(3)]);
  })();
  const cases: Array<[string, Uint8Array]> = [
    [
      'the same client in two sections (Yjs keeps only the last)',
      encodeSections([
        { client: 7, clock: 0, structs: [stringItem(7, 0, 'ab', { origin: last })] },
        { client: 7, clock: 2, structs: [stringItem(7, 2, 'cd', { origin: id(7, 1) })] },
      ]),
    ],
    [
      'a second, empty section for the same client (drops the first)',
      encodeSections([
        { client: 7, clock: 0, structs: [stringItem(7, 0, 'ab', { origin: last })] },
        { client: 7, clock: 2, structs: [] },
      ]),
    ],
    [
      'an origin at a later clock of the same client in the same update',
      encodeSections([
        {
          client: 7,
          clock: 0,
          structs: [stringItem(7, 0, 'ab', { origin: id(7, 3) }), stringItem(7, 2, 'cd', { origin: last })],
        },
      ]),
    ],
    [
      'an item that is its own parent',
      encodeSections([{ client: 7, clock: 0, structs: [stringItem(7, 0, 'ab', { parent: id(7, 0) })] }]),
    ],
    [
      'a right origin at a later clock of the same client',
      encodeSections([
        {
          client: 7,
          clock: 0,
          structs: [stringItem(7, 0, 'ab', { rightOrigin: id(7, 2) }), stringItem(7, 2, 'cd', { origin: last })],
        },
      ]),
    ],
    [
      'two clients whose items are each other\u2019s origin (a cycle)',
      encodeSections([
        { client: 8, clock: 0, structs: [stringItem(8, 0, 'x', { origin: id(9, 0) })] },
        { client: 9, clock: 0, structs: [stringItem(9, 0, 'y', { origin: id(8, 0) })] },
      ]),
    ],
    ['a clock that decodes as NaN', nanClock],
    ['a client id that decodes as NaN (Yjs later encodes it as client 0)', nanClient],
  ];

  it.each(cases)('[CS2] refuses %s, or it applies whole', (_name, update) => {
    const verdict = gate(update, known);
    expect(oracleViolation(server, known, update, verdict)).toBeNull();
  });

  it('[CS2] oracle: seeded struct-level mutations; whatever the gate accepts applies whole', () => {
    const seed = Number(process.env.GATE_FUZZ_SEED ?? 0x5eed_c0de);
    const random = mulberry32(seed);
    const { client } = makeWorld();
    const updates = updatesOf(client, () => {
      paragraphText(client, 0).insert(11, '!');
      paragraphText(client, 0).insert(0, 'So: ');
      paragraphText(client, 1).insert(6, ' long');
      client.getXmlFragment('body').insert(2, [new Y.XmlElement('paragraph')]);
    });
    const source = Y.mergeUpdates(updates);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const failures: string[] = [];
    for (let i = 0; i < 500; i++) {
      const { sections, deletes } = decodeSections(source);
      const items = sections.flatMap((s) => s.structs).filter((s): s is Y.Item => s instanceof Y.Item);
      const ids = [
        ...items.map((item) => id(item.id.client, item.id.clock + Math.floor(random() * item.length))),
        id(SERVER_CLIENT, Math.floor(random() * end)),
      ];
      const item = pick(items);
      const roll = random();
      let mutated: Section[] = sections;
      if (roll < 0.3) item.origin = pick(ids);
      else if (roll < 0.5) item.rightOrigin = pick(ids);
      else if (roll < 0.7) {
        item.origin = null;
        item.rightOrigin = null;
        item.parent = pick(ids);
      } else {
        // Split one client's run into two sections of the same client.
        mutated = sections.flatMap((section): Section[] => {
          if (section.structs.length < 2) return [section, { ...section, structs: [] as Struct[] }];
          const cut = 1 + Math.floor(random() * (section.structs.length - 1));
          return [
            { ...section, structs: section.structs.slice(0, cut) },
            { client: section.client, clock: section.structs[cut]!.id.clock, structs: section.structs.slice(cut) },
          ];
        });
      }
      const update = encodeSections(mutated, deletes);
      const violation = oracleViolation(server, known, update, gate(update, known));
      if (violation) failures.push(`case ${i}: ${violation}: ${toHex(update)}`);
    }
    expect(failures, `seed ${seed}`).toEqual([]);
  });
});

describe('advanceKnownClocks', () => {
  it('[CS2] keeps the room\u2019s known clocks equal to the draft\u2019s state vector as accepted updates are applied', () => {
    const { server, client } = makeWorld();
    const known = stateVectorOf(server);
    const updates = updatesOf(client, () => {
      paragraphText(client, 0).insert(0, 'One ');
      paragraphText(client, 1).delete(0, 3);
      paragraphText(client, 1).insert(0, 'Two ');
    });
    for (const update of updates) {
      const verdict = gate(update, known);
      expectAccepted(verdict);
      advanceKnownClocks(known, verdict.clocks);
      Y.applyUpdate(server, update);
      expect(sortedEntries(known)).toEqual(sortedEntries(stateVectorOf(server)));
    }
  });

  it('[CS2] lets a pipelined update pass only once its predecessor\u2019s clocks are advanced', () => {
    const { known, client } = makeWorld();
    const [first, second] = updatesOf(client, () => {
      paragraphText(client, 0).insert(0, 'a');
      paragraphText(client, 0).insert(1, 'b');
    });
    const firstVerdict = gate(first!, known);
    expectAccepted(firstVerdict);
    expect(gate(second!, known).ok).toBe(false);
    advanceKnownClocks(known, firstVerdict.clocks);
    expectAccepted(gate(second!, known));
  });

  it('[CS2] never moves a clock backwards and adds clients it has not seen', () => {
    const known = new Map([
      [1, 10],
      [2, 5],
    ]);
    advanceKnownClocks(
      known,
      new Map([
        [1, 4],
        [2, 9],
        [3, 2],
      ]),
    );
    expect(sortedEntries(known)).toEqual([
      [1, 10],
      [2, 9],
      [3, 2],
    ]);
  });
});
