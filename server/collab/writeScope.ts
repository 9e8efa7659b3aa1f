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
      /** Root types the update changes, each once (an array: an update writes one or two). */
      roots: readonly string[];
      /** The update's items by range, with their roots, for later updates that refer to them. */
      itemRanges: ItemRange[];
      /** True when some deletion removes an item not yet deleted. */
      hasEffectiveDeletes: boolean;
    }
  | { ok: false; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type Root = string | null;

/** Marks a struct whose root is being worked out: meeting it again is a reference cycle. */
const IN_PROGRESS = 0;
/** Marks a struct whose root cannot be traced. */
const UNRESOLVED = 1;
type Memo = Root | typeof IN_PROGRESS | typeof UNRESOLVED | undefined;

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

/**
 * One update's resolution. The usual update is one client typing one struct,
 * checked for every keystroke of every writer, so the state lives in one
 * object with an array memo rather than in maps and closures made per update.
 */
class ScopeResolver {
  private readonly store: Y.Doc['store'];
  /** Per struct index, its root once worked out. */
  private readonly memo: Memo[];
  /** Per client, the [start, end) of its structs in `structs`; only made for an update of several clients. */
  private sections: Map<number, { start: number; end: number }> | null = null;

  constructor(
    private readonly structs: readonly Struct[],
    doc: Y.Doc,
    private readonly pending: PendingRoots,
  ) {
    this.store = doc.store;
    this.memo = new Array<Memo>(structs.length);
  }

  /** Index in `structs` of the update's struct holding (client, clock), or -1. */
  indexInUpdate(client: number, clock: number): number {
    const { structs } = this;
    if (structs.length === 0) return -1;
    let lo = 0;
    let hi = structs.length - 1;
    // The gate made sure each client's structs are one contiguous, sorted run.
    if (structs[0]!.id.client !== structs[hi]!.id.client) {
      const section = this.sectionOf(client);
      if (!section) return -1;
      lo = section.start;
      hi = section.end - 1;
    } else if (structs[0]!.id.client !== client) {
      return -1;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = structs[mid]!;
      if (clock < s.id.clock) hi = mid - 1;
      else if (clock >= s.id.clock + s.length) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  private sectionOf(client: number): { start: number; end: number } | undefined {
    if (!this.sections) {
      this.sections = new Map();
      const { structs } = this;
      for (let i = 0; i < structs.length; ) {
        const start = i;
        const c = structs[i]!.id.client;
        while (i < structs.length && structs[i]!.id.client === c) i++;
        this.sections.set(c, { start, end: i });
      }
    }
    return this.sections.get(client);
  }

  private docStructAt(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock >= Y.getState(this.store, id.client)) return undefined;
    const list = this.store.clients.get(id.client);
    if (!list) return undefined;
    return list[Y.findIndexSS(list, id.clock)] as Y.Item | Y.GC;
  }

  /** Root of the item at `id` (as a neighbour: the root it sits in). */
  private rootAt(id: Y.ID): Root | undefined {
    const docStruct = this.docStructAt(id);
    if (docStruct) return rootOfDocStruct(docStruct);
    const own = this.indexInUpdate(id.client, id.clock);
    if (own >= 0) return this.rootOf(own);
    return this.pending.find(id.client, id.clock);
  }

  /** Root of the type held by the item at `id` (as a parent). */
  private typeRootAt(id: Y.ID): Root | undefined {
    const docStruct = this.docStructAt(id);
    if (docStruct) return rootOfDocTypeItem(docStruct);
    const own = this.indexInUpdate(id.client, id.clock);
    if (own >= 0) {
      const struct = this.structs[own]!;
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return null;
      return this.rootOf(own);
    }
    // A pending item's type sits in the same root as the item itself.
    return this.pending.find(id.client, id.clock);
  }

  /** Root of the update's struct at `index`. */
  rootOf(index: number): Root | undefined {
    const known = this.memo[index];
    if (known === IN_PROGRESS || known === UNRESOLVED) return undefined;
    if (known !== undefined) return known;
    this.memo[index] = IN_PROGRESS; // a reference cycle resolves to nothing
    const struct = this.structs[index]!;
    let root: Root | undefined;
    if (!(struct instanceof Y.Item)) {
      root = null;
    } else if (typeof struct.parent === 'string') {
      root = struct.parent;
    } else if (struct.parent instanceof Y.ID) {
      root = this.typeRootAt(struct.parent);
    } else {
      const left = struct.origin ? this.rootAt(struct.origin) : null;
      const right = struct.rightOrigin ? this.rootAt(struct.rightOrigin) : null;
      if (left === undefined || right === undefined) root = undefined;
      else if (struct.origin && struct.rightOrigin && left !== right) root = undefined;
      else root = struct.origin ? left : right;
    }
    this.memo[index] = root === undefined ? UNRESOLVED : root;
    return root;
  }
}

/** `roots` with `root` in it, made on the first root (most updates write one). */
function withRoot(roots: string[] | null, root: string): string[] {
  if (roots === null) return [root];
  if (!roots.includes(root)) roots.push(root);
  return roots;
}

const NO_ROOTS: readonly string[] = Object.freeze([]);

export function resolveWriteScope(
  structs: readonly Struct[],
  deleteSet: { clients: Map<number, Array<{ clock: number; len: number }>> },
  doc: Y.Doc,
  pending: PendingRoots,
): WriteScope {
  const store = doc.store;
  const resolver = new ScopeResolver(structs, doc, pending);
  let roots: string[] | null = null;
  // Sized up front: an array grown from empty by push reserves room for 17.
  const itemRanges = new Array<ItemRange>(structs.length);
  let rangeCount = 0;
  for (let i = 0; i < structs.length; i++) {
    const struct = structs[i]!;
    const root = resolver.rootOf(i);
    if (root === undefined) return { ok: false, reason: 'update writes where it cannot be traced to a root type' };
    // Re-sent structs the draft already holds write nothing.
    const end = struct.id.clock + struct.length;
    if (end <= Y.getState(store, struct.id.client)) continue;
    if (root !== null) roots = withRoot(roots, root);
    itemRanges[rangeCount++] = { client: struct.id.client, clock: struct.id.clock, end, root };
  }
  itemRanges.length = rangeCount;

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
          if (root !== null) roots = withRoot(roots, root);
          hasEffectiveDeletes = true;
        }
        at = docClock;
      }
      // Items this update or a pending one brings.
      while (at < end) {
        const own = resolver.indexInUpdate(client, at);
        const range = own >= 0 ? undefined : pending.findRange(client, at);
        const root = own >= 0 ? resolver.rootOf(own) : range?.root;
        if (root === undefined) return { ok: false, reason: 'update deletes items it cannot trace to a root type' };
        if (root !== null) roots = withRoot(roots, root);
        hasEffectiveDeletes = true;
        at = own >= 0 ? structs[own]!.id.clock + structs[own]!.length : range!.end;
      }
    }
  }
  return { ok: true, roots: roots ?? NO_ROOTS, itemRanges, hasEffectiveDeletes };
}
