import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isSameRange, type FlagLayout, type FlagRange } from './flagLayout.ts';

/** What FlagHighlights puts in each decoration's spec. */
export interface FlagDecorationSpec {
  flagId: string;
  /** Mapped but drawn with no element, while someone types inside the flag (typingFlags.ts). */
  isTracking?: boolean;
}

type Span = { from: number; to: number };

/**
 * The span of every flag drawn in `decorations`, keyed by flag id (one
 * decoration per flag, also across blocks). Pass `only` to look up a single
 * flag.
 */
export function drawnRanges(decorations: DecorationSet, only?: string): Map<string, Span> {
  const predicate = only === undefined ? undefined : (spec: Partial<FlagDecorationSpec>) => spec.flagId === only;
  const ranges = new Map<string, Span>();
  for (const decoration of decorations.find(undefined, undefined, predicate) as Decoration[]) {
    ranges.set((decoration.spec as FlagDecorationSpec).flagId, { from: decoration.from, to: decoration.to });
  }
  return ranges;
}

/** A span that can be drawn in a document of `docSize`: not gone, not empty, not past the end. */
export const isDrawable = (range: FlagRange, docSize: number): range is Span =>
  range !== null && range.to <= docSize && range.from < range.to;

/**
 * Whether `layout` would draw exactly what is drawn now: the same flags,
 * each at the same span (`drawn`) and level (`drawnLevels`). Then a
 * recompute has nothing to redraw.
 */
export function isDrawnAsLaidOut(
  drawn: ReadonlyMap<string, FlagRange>,
  drawnLevels: ReadonlyMap<string, number>,
  layout: FlagLayout,
  docSize: number,
): boolean {
  let count = 0;
  for (const id of layout.order) {
    const range = layout.ranges.get(id) ?? null;
    if (!isDrawable(range, docSize)) continue;
    count++;
    if (!isSameRange(range, drawn.get(id) ?? null) || layout.levels.get(id) !== drawnLevels.get(id)) return false;
  }
  return count === drawn.size;
}

/**
 * A mapping through the one range where `after` differs from `before` (empty
 * when they are equal). y-prosemirror applies a remote change as a
 * replacement of the whole document, which would map every decoration away.
 */
export function diffMapping(before: ProseMirrorNode, after: ProseMirrorNode): Mapping {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return new Mapping();
  const end = before.content.findDiffEnd(after.content);
  let endA = end?.a ?? before.content.size;
  let endB = end?.b ?? after.content.size;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return new Mapping([new StepMap([start, endA - start, endB - start])]);
}
