import * as Y from 'yjs';
import type { ItemRange, PendingRoots } from './PendingRoots.ts';

/**
 * Which root types an update writes, worked out before it is applied, so the
 * room can check them against the sender's role. Each inserted item's root is
 * its parent's when given (a root name, or an item looked up in the live
 * draft, the same update or the pending updates), else its neighbours' — and
 * when it has both neighbours they must agree, because a crafted update can
 * point them at different roots. Every deleted item that is not already
 * deleted counts as a write to its root. Anything that cannot be resolved is
 * refused: the gate fails closed.
 *
 * A root of `null` means the item integrates as nothing (Yjs turns it into a
 * GC struct, e.g. typing into a paragraph someone else just removed).
 */
export type WriteScope =
  | {
      ok: true;
      /** Root types the update changes. */
      roots: Set<string>;
      /** The update's items by range, with their roots, for later updates that refer to them. */
      itemRanges: ItemRange[];
      /** True when some deletion removes an item not yet deleted. */
      hasEffectiveDeletes: boolean;
    }
  | { ok: false; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type Root = string | null;

const UNRESOLVED = Symbol('unresolved');

/** The name of the root type that `type` sits under; undefined for a type outside any root. */
function rootNameOf(type: Y.AbstractType<unknown>): string | undefined {
  let top = type;
  while (top._item !== null) {
    const parent = top._item.parent;
    if (!(parent instanceof Y.AbstractType)) return undefined;
    top = parent;
  }
  try {
    return Y.findRootTypeKey(top);
  } catch {
    return undefined;
  }
}

/** Root of an item already in the live draft. */
function rootOfDocStruct(struct: Y.Item | Y.GC): Root | undefined {
  if (struct instanceof Y.GC) return null;
  return struct.parent instanceof Y.AbstractType ? (rootNameOf(struct.parent) ?? undefined) : undefined;
}

/** Root of the type an item holds (the item is used as a parent). */
function rootOfDocTypeItem(struct: Y.Item | Y.GC): Root | undefined {
  if (struct instanceof Y.GC || !(struct.content instanceof Y.ContentType)) return null;
  return rootNameOf(struct.content.type) ?? undefined;
}

export function resolveWriteScope(
  structs: readonly Struct[],
  deleteSet: { clients: Map<number, Array<{ clock: number; len: number }>> },
  doc: Y.Doc,
  pending: PendingRoots,
): WriteScope {
  const store = doc.store;
  const inUpdate = new Map<number, Struct[]>();
  for (const struct of structs) {
    let list = inUpdate.get(struct.id.client);
    if (!list) inUpdate.set(struct.id.client, (list = []));
    list.push(struct);
  }
  const memo = new Map<Struct, Root | typeof UNRESOLVED>();

  const findInUpdate = (id: Y.ID): Struct | undefined => {
    const list = inUpdate.get(id.client);
    if (!list) return undefined;
    // Per client the update's structs are contiguous and sorted (the update gate checked it).
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  };

  const docStructAt = (id: Y.ID): Y.Item | Y.GC | undefined => {
    if (id.clock >= Y.getState(store, id.client)) return undefined;
    const list = store.clients.get(id.client);
    if (!list) return undefined;
    return list[Y.findIndexSS(list, id.clock)] as Y.Item | Y.GC;
  };

  /** Root of the item at `id` (as a neighbour: the root it sits in). */
  const rootAt = (id: Y.ID): Root | undefined => {
    const docStruct = docStructAt(id);
    if (docStruct) return rootOfDocStruct(docStruct);
    const own = findInUpdate(id);
    if (own) return rootOfUpdateStruct(own);
    return pending.find(id.client, id.clock);
  };

  /** Root of the type held by the item at `id` (as a parent). */
  const typeRootAt = (id: Y.ID): Root | undefined => {
    const docStruct = docStructAt(id);
    if (docStruct) return rootOfDocTypeItem(docStruct);
    const own = findInUpdate(id);
    if (own) {
      if (!(own instanceof Y.Item) || !(own.content instanceof Y.ContentType)) return null;
      return rootOfUpdateStruct(own);
    }
    // A pending item's type sits in the same root as the item itself.
    return pending.find(id.client, id.clock);
  };

  function rootOfUpdateStruct(struct: Struct): Root | undefined {
    const known = memo.get(struct);
    if (known === UNRESOLVED) return undefined;
    if (known !== undefined) return known;
    memo.set(struct, UNRESOLVED); // a reference cycle resolves to nothing
    let root: Root | undefined;
    if (!(struct instanceof Y.Item)) {
      root = null;
    } else if (typeof struct.parent === 'string') {
      root = struct.parent;
    } else if (struct.parent instanceof Y.ID) {
      root = typeRootAt(struct.parent);
    } else {
      const left = struct.origin ? rootAt(struct.origin) : null;
      const right = struct.rightOrigin ? rootAt(struct.rightOrigin) : null;
      if (left === undefined || right === undefined) root = undefined;
      else if (struct.origin && struct.rightOrigin && left !== right) root = undefined;
      else root = struct.origin ? left : right;
    }
    memo.set(struct, root === undefined ? UNRESOLVED : root);
    return root;
  }

  const roots = new Set<string>();
  const itemRanges: ItemRange[] = [];
  for (const struct of structs) {
    const root = rootOfUpdateStruct(struct);
    if (root === undefined) return { ok: false, reason: 'update writes where it cannot be traced to a root type' };
    // Re-sent structs the draft already holds write nothing.
    const end = struct.id.clock + struct.length;
    if (end <= Y.getState(store, struct.id.client)) continue;
    if (root !== null) roots.add(root);
    itemRanges.push({ client: struct.id.client, clock: struct.id.clock, end, root });
  }

  let hasEffectiveDeletes = false;
  for (const [client, ranges] of deleteSet.clients) {
    for (const { clock, len } of ranges) {
      const end = clock + len;
      let at = clock;
      // Items the live draft holds: deleting what is already deleted (or GC) is no write.
      const docClock = Math.min(end, Y.getState(store, client));
      if (at < docClock) {
        const list = store.clients.get(client)!;
        for (let i = Y.findIndexSS(list, at); i < list.length && list[i]!.id.clock < docClock; i++) {
          const struct = list[i] as Y.Item | Y.GC;
          if (struct instanceof Y.GC || struct.deleted) continue;
          const root = rootOfDocStruct(struct);
          if (root === undefined) return { ok: false, reason: 'update deletes items outside any root type' };
          if (root !== null) roots.add(root);
          hasEffectiveDeletes = true;
        }
        at = docClock;
      }
      // Items this update or a pending one brings.
      while (at < end) {
        const own = findInUpdate(Y.createID(client, at));
        const range = own ? undefined : pending.findRange(client, at);
        const root = own ? rootOfUpdateStruct(own) : range?.root;
        if (root === undefined) return { ok: false, reason: 'update deletes items it cannot trace to a root type' };
        if (root !== null) roots.add(root);
        hasEffectiveDeletes = true;
        at = own ? own.id.clock + own.length : range!.end;
      }
    }
  }
  return { ok: true, roots, itemRanges, hasEffectiveDeletes };
}
