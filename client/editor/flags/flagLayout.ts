import type { Flag } from '../../../shared/annotations/types.ts';

/** Where a flag is in the document: a span, or null when its text is gone or its anchors do not resolve. */
export type FlagRange = { from: number; to: number } | null;

/**
 * The flags in document order with their spans, as of the last full
 * recompute. The object changes only when it is recomputed, so a panel can
 * depend on it without re-rendering on every keystroke.
 */
export interface FlagLayout {
  /** Flag ids in document order; flags whose text is gone sort by where it was, unresolvable ones last. */
  order: readonly string[];
  ranges: ReadonlyMap<string, FlagRange>;
  /** How deep each visible flag sits under others that overlap it (0 = outermost). */
  levels: ReadonlyMap<string, number>;
}

export const EMPTY_FLAG_LAYOUT: FlagLayout = { order: [], ranges: new Map(), levels: new Map() };

/** The deepest nesting drawn with its own underline offset; deeper flags share the last one. */
export const MAX_FLAG_LEVEL = 3;

/**
 * Orders flags by where they start (longer spans first at the same start)
 * and gives overlapping spans increasing levels, so each keeps a visible
 * underline. `resolve` returns a flag's [from, to] (null ends when an anchor
 * is gone). A span that collapsed (from >= to) counts as removed.
 */
export function layoutFlags(
  flags: readonly Flag[],
  resolve: (flag: Flag) => [number | null, number | null],
): FlagLayout {
  const entries = flags.map((flag) => {
    const [from, to] = resolve(flag);
    const range: FlagRange = from !== null && to !== null && to > from ? { from, to } : null;
    return { flag, range, at: from ?? to ?? Number.POSITIVE_INFINITY };
  });
  entries.sort(
    (a, b) =>
      a.at - b.at ||
      (b.range?.to ?? 0) - (a.range?.to ?? 0) ||
      a.flag.createdAt.localeCompare(b.flag.createdAt) ||
      a.flag.id.localeCompare(b.flag.id),
  );

  const ranges = new Map<string, FlagRange>();
  const levels = new Map<string, number>();
  // Ends of the spans open at each level, for greedy level assignment in one pass.
  const openUntil: number[] = [];
  for (const { flag, range } of entries) {
    ranges.set(flag.id, range);
    if (!range) continue;
    let level = openUntil.findIndex((end) => end <= range.from);
    if (level === -1) level = openUntil.length;
    openUntil[level] = range.to;
    levels.set(flag.id, Math.min(level, MAX_FLAG_LEVEL));
  }
  return { order: entries.map((entry) => entry.flag.id), ranges, levels };
}

/**
 * True when two layouts say the same: the same order, the same span (or
 * none) for every flag, the same levels. A recompute that finds nothing new
 * keeps the old layout object, so what depends on it does not redraw.
 */
export function isSameLayout(a: FlagLayout, b: FlagLayout): boolean {
  if (a === b) return true;
  if (a.order.length !== b.order.length || a.ranges.size !== b.ranges.size || a.levels.size !== b.levels.size) return false;
  for (let i = 0; i < a.order.length; i++) if (a.order[i] !== b.order[i]) return false;
  for (const [id, range] of a.ranges) {
    if (!b.ranges.has(id) || !isSameRange(range, b.ranges.get(id) ?? null)) return false;
  }
  for (const [id, level] of a.levels) if (b.levels.get(id) !== level) return false;
  return true;
}

export const isSameRange = (a: FlagRange, b: FlagRange): boolean =>
  a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
