import { Extension, isMacOS, type KeyboardShortcutCommand } from '@tiptap/core';
import { Selection, TextSelection } from '@tiptap/pm/state';
import { documentEdgeKeys } from '../editorKeys.ts';

/**
 * Ctrl+Home / Ctrl+End (Cmd+Up / Cmd+Down on a Mac), with Shift to extend the
 * selection, move to the start or end of the copy through ProseMirror rather
 * than the browser. The copy's blocks skip rendering while off screen
 * (`content-visibility` in editor.css), and Chromium, moving the caret through
 * blocks it has not laid out, sometimes stops at the start of the last block
 * instead of its end. Setting the selection in the model is exact whatever is
 * rendered, and scrolling to it renders what is needed.
 */
export const DocumentEdgeKeys = Extension.create({
  name: 'documentEdgeKeys',

  addKeyboardShortcuts() {
    const moveTo =
      (edge: 'start' | 'end', extend: boolean): KeyboardShortcutCommand =>
      ({ editor }) => {
        const { state, view } = editor;
        const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
        const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target;
        // Already there as far as ProseMirror knows. Right after a click it may not have read the
        // click's caret yet, and a selection that does not change is not drawn again: the browser's
        // own move then keeps the page's caret and ProseMirror's in step.
        if (selection.eq(state.selection)) return false;
        view.dispatch(state.tr.setSelection(selection).scrollIntoView());
        return true;
      };
    const [start, end] = documentEdgeKeys(isMacOS());
    return {
      [start]: moveTo('start', false),
      [end]: moveTo('end', false),
      [`Shift-${start}`]: moveTo('start', true),
      [`Shift-${end}`]: moveTo('end', true),
    };
  },
});
