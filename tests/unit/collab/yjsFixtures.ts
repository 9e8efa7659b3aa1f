import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Helpers for the gate tests: a seeded PRNG, a small newsroom draft built
 * with real Yjs, a slow oracle (apply to a copy of the doc and look), and an
 * encoder for hand-made updates (built from Yjs's own struct classes, so the
 * wire format is exactly Yjs's V1 format).
 */

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SERVER_CLIENT = 1;

/** The server's draft: two paragraphs under `body`, written by client 1. */
export function makeServerDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = SERVER_CLIENT;
  const body = doc.getXmlFragment('body');
  const first = new Y.XmlElement('paragraph');
  const firstText = new Y.XmlText();
  firstText.insert(0, 'Hello world');
  first.insert(0, [firstText]);
  const second = new Y.XmlElement('paragraph');
  const secondText = new Y.XmlText();
  secondText.insert(0, 'Second paragraph');
  second.insert(0, [secondText]);
  body.insert(0, [first, second]);
  return doc;
}

/** A peer with its own client id, synced to `source`. */
export function peerOf(source: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

export const cloneDoc = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

export const stateVectorOf = (doc: Y.Doc): Map<number, number> =>
  Y.decodeStateVector(Y.encodeStateVector(doc));

/** The XmlText inside paragraph `index` of `body`. */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment('body').get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Runs `edit` and returns every update `doc` emitted meanwhile, one per transaction. */
export function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  try {
    edit();
  } finally {
    doc.off('update', listener);
  }
  return updates;
}

/** Like `updatesOf`, for edits that produce exactly one update. */
export function updateOf(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates = updatesOf(doc, () => doc.transact(edit));
  if (updates.length !== 1) throw new Error(`expected one update, got ${updates.length}`);
  return updates[0]!;
}

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export interface ApplyOutcome {
  /** The error message when applyUpdate threw. */
  threw?: string;
  /** Structs or deletes Yjs parked because something they need is missing. */
  hasPending: boolean;
  /** The copy's state vector after applying. */
  stateVector: Map<number, number>;
}

/**
 * The slow oracle: applies `update` to a fresh copy of `doc` (never to `doc`
 * itself) and reports what Yjs made of it.
 */
export function applyToCopy(doc: Y.Doc, update: Uint8Array): ApplyOutcome {
  const copy = cloneDoc(doc);
  try {
    Y.applyUpdate(copy, update);
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error), hasPending: true, stateVector: new Map() };
  } finally {
    copy.destroy();
  }
  return {
    hasPending: copy.store.pendingStructs !== null || copy.store.pendingDs !== null,
    stateVector: stateVectorOf(copy),
  };
}

/** `known` advanced by `clocks`, as a fresh map (the gate's own advanceKnownClocks is under test). */
export function expectedStateVector(
  known: ReadonlyMap<number, number>,
  clocks: ReadonlyMap<number, number>,
): Map<number, number> {
  const result = new Map(known);
  for (const [client, end] of clocks) result.set(client, Math.max(result.get(client) ?? 0, end));
  return result;
}

export const sortedEntries = (map: ReadonlyMap<number, number>): Array<[number, number]> =>
  [...map].sort((a, b) => a[0] - b[0]);

// ---------------------------------------------------------------------------
// Hand-made updates
// ---------------------------------------------------------------------------

export type Struct = Y.Item | Y.GC | Y.Skip;

export interface Section {
  client: number;
  clock: number;
  structs: Struct[];
}

export type DeleteRanges = Array<[client: number, ranges: Array<[clock: number, len: number]>]>;

export const id = (client: number, clock: number): Y.ID => Y.createID(client, clock);

export interface ItemRefs {
  origin?: Y.ID;
  rightOrigin?: Y.ID;
  /** A root type's name, or the id of the item holding the parent type. Written only when there are no origins. */
  parent?: string | Y.ID;
}

/** An item carrying `text` (ContentString), with the given neighbours or parent. */
export function stringItem(client: number, clock: number, text: string, refs: ItemRefs = {}): Y.Item {
  const parent = refs.origin || refs.rightOrigin ? null : (refs.parent ?? 'body');
  return new Y.Item(
    id(client, clock),
    null,
    refs.origin ?? null,
    null,
    refs.rightOrigin ?? null,
    // Decoded items carry a root name as a string; Yjs's types do not say so.
    parent as unknown as Y.ID | null,
    null,
    new Y.ContentString(text),
  );
}

/**
 * Encodes sections and delete ranges as a V1 update. Sections are written as
 * given: the same client may appear twice, a section may be empty, clocks
 * may be anything. That is the point: real encoders never do these things.
 */
export function encodeSections(sections: readonly Section[], deletes: DeleteRanges = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, sections.length);
  for (const section of sections) {
    encoding.writeVarUint(encoder.restEncoder, section.structs.length);
    encoder.writeClient(section.client);
    encoding.writeVarUint(encoder.restEncoder, section.clock);
    for (const struct of section.structs) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, deletes.length);
  for (const [client, ranges] of deletes) {
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(encoder.restEncoder, clock);
      encoding.writeVarUint(encoder.restEncoder, len);
    }
  }
  return encoder.toUint8Array();
}

/** Decodes a (well-formed) update back into sections, one per run of the same client. */
export function decodeSections(update: Uint8Array): { sections: Section[]; deletes: DeleteRanges } {
  const { structs, ds } = Y.decodeUpdate(update);
  const sections: Section[] = [];
  for (const struct of structs) {
    const last = sections[sections.length - 1];
    if (last && last.client === struct.id.client) last.structs.push(struct);
    else sections.push({ client: struct.id.client, clock: struct.id.clock, structs: [struct] });
  }
  const deletes: DeleteRanges = [...ds.clients].map(([client, items]) => [
    client,
    items.map((item): [number, number] => [item.clock, item.len]),
  ]);
  return { sections, deletes };
}
