import * as Y from 'yjs';

/**
 * The update gate: a pure verdict on one incoming Yjs update, taken before
 * anything touches the live draft. Yjs trusts its peers and would half-apply
 * a malformed update or park it as pending forever, so an update passes only
 * when it decodes whole and everything it builds on is already known:
 *
 * - every struct decodes, and none is a Skip (a hole the sender cannot fill);
 * - per client, the update's structs run contiguously and start at or before
 *   the clock the server knows for that client (no gap);
 * - every origin, right origin and parent given by id is an item the server
 *   knows or one the same update brings;
 * - every deleted range lies within items the server knows or the update brings.
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
    }
  | { ok: false; reason: string };

const refuse = (reason: string): UpdateVerdict => ({ ok: false, reason });

export function gateUpdate(
  update: Uint8Array,
  known: ReadonlyMap<number, number>,
  maxBytes: number,
): UpdateVerdict {
  if (update.byteLength > maxBytes) return refuse(`update larger than ${maxBytes} bytes`);
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return refuse('update does not decode');
  }
  const { structs, ds } = decoded;

  // First pass: each client's range in this update, checked for gaps.
  const clocks = new Map<number, number>();
  let isNew = false;
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return refuse('update has a gap (skip struct)');
    const { client, clock } = struct.id;
    if (struct.length <= 0) return refuse('struct with no length');
    const end = clocks.get(client);
    if (end === undefined) {
      if (clock > (known.get(client) ?? 0)) return refuse(`update skips clocks of client ${client}`);
    } else if (clock !== end) {
      return refuse(`structs of client ${client} are not contiguous`);
    }
    const structEnd = clock + struct.length;
    clocks.set(client, structEnd);
    if (structEnd > (known.get(client) ?? 0)) isNew = true;
  }

  const isAvailable = (client: number, clock: number): boolean =>
    clock < Math.max(known.get(client) ?? 0, clocks.get(client) ?? 0);

  // Second pass: references must point at items that exist once this update is in.
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { origin, rightOrigin, parent } = struct;
    if (origin && !isAvailable(origin.client, origin.clock)) {
      return refuse('update refers to an unknown origin');
    }
    if (rightOrigin && !isAvailable(rightOrigin.client, rightOrigin.clock)) {
      return refuse('update refers to an unknown right origin');
    }
    if (parent instanceof Y.ID && !isAvailable(parent.client, parent.clock)) {
      return refuse('update refers to an unknown parent');
    }
    if (!origin && !rightOrigin && parent === null) {
      return refuse('item has neither neighbours nor a parent');
    }
  }

  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (range.len <= 0) return refuse('empty delete range');
      if (!isAvailable(client, range.clock + range.len - 1)) {
        return refuse('update deletes unknown items');
      }
      isNew = true;
    }
  }
  return { ok: true, clocks, isNew };
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
