import type { EditorView } from '@tiptap/pm/view';
import { FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import type { FlagHighlightsState } from '../extensions/FlagHighlights.ts';
import type { FlagDecorationSpec } from './flagDrawing.ts';
import { flagsAt } from './typingFlags.ts';

/** Whether this browser paints CSS Custom Highlights; without them flags stay spans while typed in. */
export const canPaintTypingHighlights =
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof globalThis.Highlight === 'function';

/**
 * The highlight a tracked flag is painted with (styled in flags.css): by
 * kind, grey when resolved, and the hover/open-thread tint when pointed at.
 */
type TypingHighlightName =
  | 'flag-typing-claim'
  | 'flag-typing-source-needed'
  | 'flag-typing-legal-risk'
  | 'flag-typing-resolved'
  | 'flag-typing-marked';

/** One Highlight per name for the whole page; each editor adds and removes only its own ranges. */
function highlightNamed(name: TypingHighlightName): Highlight {
  const existing = CSS.highlights.get(name);
  if (existing) return existing;
  const highlight = new Highlight();
  CSS.highlights.set(name, highlight);
  return highlight;
}

/**
 * Paints the flags the caret is typing inside (FlagHighlightsState.typingIds),
 * which are drawn with no element of their own, as ranges of CSS Custom
 * Highlights over the copy's DOM. Checked after every view update: a range
 * that still starts and ends where its flag does is left alone (typing inside
 * it moves its end by itself, as DOM ranges follow text edits), so a keystroke
 * usually repaints nothing; one ProseMirror redrew is replaced.
 */
export class TypingHighlightPainter {
  private painted = new Map<string, { highlight: Highlight; range: Range }>();

  update(view: EditorView, state: FlagHighlightsState | undefined): void {
    if (!canPaintTypingHighlights || !state || state.typingIds.size === 0) {
      this.clear();
      return;
    }
    const wanted = new Set<string>();
    for (const decoration of flagsAt(state.decorations, view.state.selection.head)) {
      const spec = decoration.spec as FlagDecorationSpec;
      const flag = spec.isTracking ? state.flags.find((candidate) => candidate.id === spec.flagId) : undefined;
      if (!flag) continue;
      wanted.add(flag.id);
      const highlight = highlightNamed(
        flag.id === state.hoveredId || flag.id === state.activeId
          ? 'flag-typing-marked'
          : flag.status === FLAG_STATUSES.resolved
            ? 'flag-typing-resolved'
            : `flag-typing-${flag.kind}`,
      );
      const start = view.domAtPos(decoration.from);
      const end = view.domAtPos(decoration.to);
      const painted = this.painted.get(flag.id);
      if (
        painted?.highlight === highlight &&
        painted.range.startContainer === start.node &&
        painted.range.startOffset === start.offset &&
        painted.range.endContainer === end.node &&
        painted.range.endOffset === end.offset
      ) {
        continue;
      }
      if (painted) painted.highlight.delete(painted.range);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      highlight.add(range);
      this.painted.set(flag.id, { highlight, range });
    }
    for (const [id, { highlight, range }] of this.painted) {
      if (wanted.has(id)) continue;
      highlight.delete(range);
      this.painted.delete(id);
    }
  }

  destroy(): void {
    this.clear();
  }

  private clear(): void {
    for (const { highlight, range } of this.painted.values()) highlight.delete(range);
    this.painted.clear();
  }
}
