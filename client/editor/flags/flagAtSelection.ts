import type { DecorationSet } from '@tiptap/pm/view';
import type { FlagDecorationSpec } from './flagDrawing.ts';

/**
 * The flag a keyboard user means by where their caret is: the innermost
 * (shortest) flag whose span holds the whole selection. A caret at a span's
 * edge counts as in it (a flag selected by "Show in copy" has the caret at
 * its end); where flags only touch there, the one the caret is inside wins.
 * Null when no flag holds it.
 */
export function flagAtSelection(decorations: DecorationSet, from: number, to: number): string | null {
  let best: { id: string; length: number; isInside: boolean } | null = null;
  for (const decoration of decorations.find(from, to, (spec: Partial<FlagDecorationSpec>) => spec.flagId !== undefined)) {
    if (decoration.from > from || decoration.to < to) continue;
    const isInside = decoration.from < from && to < decoration.to;
    const length = decoration.to - decoration.from;
    if (!best || (isInside && !best.isInside) || (isInside === best.isInside && length < best.length)) {
      best = { id: (decoration.spec as FlagDecorationSpec).flagId, length, isInside };
    }
  }
  return best?.id ?? null;
}
