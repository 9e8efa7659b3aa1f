import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * The update gate: a pure verdict on one incoming Yjs update, taken before
 * anything touches the live draft. Yjs trusts its peers: it would half-apply
 * a malformed update, or park it as pending forever, and a stored update that
 * cannot be applied makes the draft unloadable. So an update passes only when
 * Yjs is certain to integrate all of it:
 *
 * - it decodes whole, with every id and length a safe integer, and no Skip
 *   (a hole the sender cannot fill);
 * - each client has exactly one section (Yjs keeps only the last of several)
 *   whose structs run contiguously from at or below the clock the server
 *   knows for that client (no gap);
 * - every origin, right origin and parent given by id is an item the server
 *   knows or one the same update brings, and the structs can be integrated
 *   in an order Yjs follows (per client in clock order, each after what it
 *   refers to): no reference forward in its own client, no cycle;
 * - every deleted range lies within items known once the update is in.
 *
 * `known` is the state vector the update is judged against: the draft's,
 * advanced by updates already accepted but not yet applied.
 */
export type UpdateVerdict =
  | {
      ok: true;
      /** Per client, the clock just past the update's last struct (absent when it brings none). */
      clocks: Map<number, number>;
      /** False when every struct is already known and nothing is deleted: there is nothing to store. */
      isNew: boolean;
      /** True when some struct is beyond the known clocks. */
      hasNewStructs: boolean;
      /** The decoded update, for the checks that follow (which root types it writes). */
      structs: Array<Y.Item | Y.GC | Y.Skip>;
      deleteSet: { clients: Map<number, Array<{ clock: number; len: number }>> };
    }
  | {
      ok: false;
      reason: string;
      /**
       * True when the update is well formed but builds on content this server
       * has not got: hostile from a lone server, but with several instances
       * the content may still be on its way from a peer.
       */
      isMissingDependency?: boolean;
    };

type Struct = Y.Item | Y.GC | Y.Skip;

const refuse = (reason: string): UpdateVerdict => ({ ok: false, reason });
const missing = (reason: string): UpdateVerdict => ({ ok: false, reason, isMissingDependency: true });
const isSafe = (n: number) => Number.isSafeInteger(n) && n >= 0;

export function gateUpdate(
  update: Uint8Array,
  known: ReadonlyMap<number, number>,
  maxBytes: number,
): UpdateVerdict {
  if (update.byteLength > maxBytes) return refuse(`update larger than ${maxBytes} bytes`);
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  let sectionCount: number;
  try {
    decoded = Y.decodeUpdate(update);
    // The update starts with its number of client sections.
    sectionCount = decoding.readVarUint(decoding.createDecoder(update));
  } catch {
    return refuse('update does not decode');
  }
  const { structs, ds } = decoded;

  // `clocks` counts the clients; a client with two sections (Yjs would keep only the last) leaves
  // it short of the section count.
  const clocks = new Map<number, number>();
  let isNew = false;
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return refuse('update has a gap (skip struct)');
    const { client, clock } = struct.id;
    if (!isSafe(client) || !isSafe(clock) || !isSafe(struct.length)) return refuse('struct id out of range');
    if (struct.length === 0) return refuse('struct with no length');
    const end = clocks.get(client);
    if (end === undefined) {
      if (clock > (known.get(client) ?? 0)) return missing(`update skips clocks of client ${client}`);
    } else if (clock !== end) {
      return refuse(`structs of client ${client} are not contiguous`);
    }
    const structEnd = clock + struct.length;
    clocks.set(client, structEnd);
    if (structEnd > (known.get(client) ?? 0)) isNew = true;
  }
  const hasNewStructs = isNew;
  if (sectionCount !== clocks.size) return refuse('a client has several sections, or a section is empty');

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { origin, rightOrigin, parent } = struct;
    if (origin && !isAvailable(origin.client, origin.clock, known, clocks)) return missing('update refers to an unknown origin');
    if (rightOrigin && !isAvailable(rightOrigin.client, rightOrigin.clock, known, clocks)) {
      return missing('update refers to an unknown right origin');
    }
    if (parent instanceof Y.ID && !isAvailable(parent.client, parent.clock, known, clocks)) {
      return missing('update refers to an unknown parent');
    }
    if (!origin && !rightOrigin && parent === null) return refuse('item has neither neighbours nor a parent');
  }
  const inOrder = clocks.size === 1 ? oneClientInOrder(structs as Array<Y.Item | Y.GC>, known) : canIntegrateInOrder(structs, known);
  if (!inOrder) return refuse('update refers to items it brings only later');

  // Most updates delete nothing; iterating even an empty map makes an iterator.
  if (ds.clients.size > 0) {
    for (const [client, ranges] of ds.clients) {
      for (const range of ranges) {
        if (!isSafe(client) || !isSafe(range.clock) || !isSafe(range.len)) return refuse('delete range out of range');
        if (range.len === 0) return refuse('empty delete range');
        if (!isAvailable(client, range.clock + range.len - 1, known, clocks)) return missing('update deletes unknown items');
        isNew = true;
      }
    }
  }
  return { ok: true, clocks, isNew, hasNewStructs, structs, deleteSet: ds };
}

/** True when the item at (client, clock) is known, or brought by the update (whose clocks are `clocks`). */
function isAvailable(client: number, clock: number, known: ReadonlyMap<number, number>, clocks: ReadonlyMap<number, number>): boolean {
  return isSafe(client) && isSafe(clock) && clock < Math.max(known.get(client) ?? 0, clocks.get(client) ?? 0);
}

/**
 * The usual update, one client's structs: they integrate in clock order, so
 * each may refer to its own client only below its own clock (or what is
 * known). References to other clients are known, as the availability check
 * found, since the update brings none of theirs.
 */
function oneClientInOrder(structs: ReadonlyArray<Y.Item | Y.GC>, known: ReadonlyMap<number, number>): boolean {
  const client = structs[0]!.id.client;
  const knownClock = known.get(client) ?? 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const below = Math.max(knownClock, struct.id.clock);
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (!isOwnReady(struct.origin, client, below) || !isOwnReady(struct.rightOrigin, client, below) || !isOwnReady(parent, client, below)) {
      return false;
    }
  }
  return true;
}

/** True when `id` is not of `client`, or lies below `below` in it. */
function isOwnReady(id: Y.ID | null, client: number, below: number): boolean {
  return id === null || id.client !== client || id.clock < below;
}

/**
 * For an update of several clients: true when every struct can be integrated
 * with Yjs's own discipline, each client's structs in clock order, a struct
 * only once everything it refers to is known or already integrated.
 * Computed as a fixed point.
 */
function canIntegrateInOrder(structs: readonly Struct[], known: ReadonlyMap<number, number>): boolean {
  const sections = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = sections.get(struct.id.client);
    if (list) list.push(struct);
    else sections.set(struct.id.client, [struct]);
  }
  const next = new Map<number, number>(); // per client, index of its first struct not yet integrated
  const reached = (client: number): number => {
    const knownClock = known.get(client) ?? 0;
    const list = sections.get(client);
    if (!list) return knownClock;
    const i = next.get(client) ?? 0;
    // Everything below the next pending struct's clock is in: known, or integrated from this update.
    const upTo = i < list.length ? list[i]!.id.clock : list[list.length - 1]!.id.clock + list[list.length - 1]!.length;
    return Math.max(knownClock, upTo);
  };
  const isReady = (id: Y.ID | null): boolean => id === null || id.clock < reached(id.client);

  let remaining = 0;
  for (const list of sections.values()) remaining += list.length;
  for (let progressed = true; progressed && remaining > 0; ) {
    progressed = false;
    for (const [client, list] of sections) {
      let i = next.get(client) ?? 0;
      while (i < list.length) {
        const struct = list[i]!;
        if (struct instanceof Y.Item) {
          const parent = struct.parent instanceof Y.ID ? struct.parent : null;
          if (!isReady(struct.origin) || !isReady(struct.rightOrigin) || !isReady(parent)) break;
        }
        i++;
        remaining--;
        progressed = true;
        next.set(client, i);
      }
    }
  }
  return remaining === 0;
}

/**
 * Advances `known` by an accepted update's clocks, in place. Returns nothing;
 * the caller keeps the map as the draft's state vector plus accepted updates.
 */
export function advanceKnownClocks(known: Map<number, number>, clocks: ReadonlyMap<number, number>): void {
  for (const [client, end] of clocks) {
    if (end > (known.get(client) ?? 0)) known.set(client, end);
  }
}
