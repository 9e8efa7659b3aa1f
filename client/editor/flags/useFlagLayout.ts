import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { flagHighlightsKey } from '../extensions/FlagHighlights.ts';
import { EMPTY_FLAG_LAYOUT, type FlagLayout } from './flagLayout.ts';

/**
 * The flags' document order and spans as of the last recompute. Re-renders
 * only when the layout is recomputed (after a pause in typing, a remote edit
 * or a change of the flags), not on every keystroke.
 */
export function useFlagLayout(editor: Editor): FlagLayout {
  return (
    useEditorState({
      editor,
      selector: ({ editor: current }) => (current ? flagHighlightsKey.getState(current.state)?.layout : undefined),
      // The plugin keeps the same object while the layout says the same (see isSameLayout), so identity is
      // enough; the default deep comparison would walk hundreds of spans on every transaction.
      equalityFn: (a, b) => a === b,
    }) ?? EMPTY_FLAG_LAYOUT
  );
}

/** True when the selection holds text that can be flagged. */
export function useHasFlaggableSelection(editor: Editor): boolean {
  return useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return false;
      const { from, to, empty } = current.state.selection;
      return !empty && current.state.doc.textBetween(from, to, ' ', ' ').trim() !== '';
    },
  });
}
