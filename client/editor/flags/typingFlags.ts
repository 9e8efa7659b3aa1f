import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, type DecorationSet } from '@tiptap/pm/view';
import type { FlagDecorationSpec } from './flagDrawing.ts';

/**
 * Typing inside a flagged span. A flag is drawn as a `<span>` around its
 * text, and ProseMirror redraws a wrapped text node after every DOM change
 * inside it (the change marks the node dirty as a whole), then sets the DOM
 * selection again, which forces a layout of the page: with 500 flags that
 * doubled the cost of a keystroke. So while someone types inside flags,
 * those flags are kept as *tracking* decorations, which map through edits
 * like the others but draw no element (an inline decoration without
 * attributes adds no wrapper), and their spans are painted with the CSS
 * Custom Highlight API instead (TypingHighlightPainter). They are drawn as
 * spans again once the caret leaves them or typing pauses with the caret
 * elsewhere.
 */

/** The flags under `head` (spans that contain it or end at it), drawn or tracking. */
export function flagsAt(decorations: DecorationSet, head: number): Decoration[] {
  return decorations.find(head, head, (spec: Partial<FlagDecorationSpec>) => spec.flagId !== undefined);
}

/**
 * `decorations` with every drawn flag under `head` turned into a tracking
 * decoration; `ids` are all the flags under `head`, tracking now. The set is
 * returned unchanged when no drawn flag is there.
 */
export function trackFlagsAt(
  decorations: DecorationSet,
  doc: ProseMirrorNode,
  head: number,
): { decorations: DecorationSet; ids: ReadonlySet<string> } {
  const under = flagsAt(decorations, head);
  const drawn = under.filter((decoration) => !(decoration.spec as FlagDecorationSpec).isTracking);
  const ids = new Set(under.map((decoration) => (decoration.spec as FlagDecorationSpec).flagId));
  if (drawn.length === 0) return { decorations, ids };
  const tracking = drawn.map((decoration) => trackingDecoration(decoration.from, decoration.to, (decoration.spec as FlagDecorationSpec).flagId));
  // remove() empties the array it is given as it finds each decoration: hence the copies above.
  return { decorations: decorations.remove(drawn).add(doc, tracking), ids };
}

/** A flag's span kept and mapped, with nothing drawn. */
export const trackingDecoration = (from: number, to: number, flagId: string): Decoration =>
  Decoration.inline(from, to, {}, { flagId, isTracking: true } satisfies FlagDecorationSpec);

/** Whether `head` still lies in the span of every flag in `ids` (and there is one). */
export function isStillTyping(decorations: DecorationSet, ids: ReadonlySet<string>, head: number): boolean {
  if (ids.size === 0) return false;
  const under = new Set(flagsAt(decorations, head).map((decoration) => (decoration.spec as FlagDecorationSpec).flagId));
  for (const id of ids) if (!under.has(id)) return false;
  return true;
}

/** The innermost (shortest) flag whose span holds `pos`, for clicks on text drawn without a span. */
export function innermostFlagAt(decorations: DecorationSet, pos: number): string | null {
  let best: Decoration | null = null;
  for (const decoration of flagsAt(decorations, pos)) {
    if (decoration.from === pos || decoration.to === pos) continue;
    if (!best || decoration.to - decoration.from < best.to - best.from) best = decoration;
  }
  return best ? (best.spec as FlagDecorationSpec).flagId : null;
}
