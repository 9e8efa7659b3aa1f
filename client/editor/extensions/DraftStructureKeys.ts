import { Extension } from '@tiptap/core';
import { TextSelection, type EditorState } from '@tiptap/pm/state';

/**
 * Keys that respect the draft's fixed top: one headline, one standfirst, then
 * the body. Enter in the headline moves to the standfirst, and Enter in the
 * standfirst moves to the body, instead of trying to split them (the schema
 * allows only one of each). Backspace at the start of the standfirst or of the
 * first body block moves back a part instead of merging the two parts.
 */
export const DraftStructureKeys = Extension.create({
  name: 'draftStructureKeys',
  priority: 1100,

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { state } = editor;
        const part = currentPart(state);
        if (part === 'headline' || part === 'standfirst') {
          const next = part === 'headline' ? startOfChild(state, 1) : startOfChild(state, 2);
          if (next === null) return false;
          editor.view.dispatch(state.tr.setSelection(TextSelection.near(state.doc.resolve(next))).scrollIntoView());
          return true;
        }
        return false;
      },
      Backspace: ({ editor }) => {
        const { state } = editor;
        const { selection } = state;
        if (!selection.empty || selection.$from.parentOffset !== 0 || selection.$from.depth !== 1) return false;
        const index = selection.$from.index(0);
        if (index !== 1 && index !== 2) return false;
        const block = state.doc.child(index);
        // A subheading or pull quote opening the body first falls back to a paragraph.
        if (index === 2 && block.type.name !== 'paragraph') return editor.commands.setNode('paragraph');
        const previousEnd = endOfChild(state, index - 1);
        let tr = state.tr;
        // An empty first body block with more body after it simply goes.
        if (index === 2 && block.content.size === 0 && state.doc.childCount > 3) {
          tr = tr.delete(selection.$from.before(1), selection.$from.after(1));
        }
        editor.view.dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(previousEnd), -1)).scrollIntoView());
        return true;
      },
    };
  },
});

function currentPart(state: EditorState): string | null {
  const { $from } = state.selection;
  return $from.depth >= 1 ? $from.node(1).type.name : null;
}

/** Position just inside the top-level child `index`, or null when there is none. */
function startOfChild(state: EditorState, index: number): number | null {
  if (index >= state.doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  return pos + 1;
}

/** Position just inside the end of top-level child `index`. */
function endOfChild(state: EditorState, index: number): number {
  let pos = 0;
  for (let i = 0; i <= index; i++) pos += state.doc.child(i).nodeSize;
  return pos - 1;
}
