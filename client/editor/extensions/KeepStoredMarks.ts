import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Keeps the marks switched on at the caret (Ctrl+B, then type) through
 * changes that come from elsewhere. The sync binding applies every remote
 * edit, and its own redraw when the editor's plugins change (the floating flag
 * toolbar loading, say), as one step over the whole copy, and ProseMirror
 * forgets stored marks at any step: a co-editor typing anywhere between your
 * Ctrl+B and your next key made that key plain. Marks are put back only when
 * every change since was such a sync and the caret is still a caret; your own
 * edits, moves and undo clear them as ProseMirror always does.
 */
export const KeepStoredMarks = Extension.create({
  name: 'keepStoredMarks',

  addProseMirrorPlugins() {
    return [keepStoredMarksPlugin()];
  },
});

export function keepStoredMarksPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('keepStoredMarks'),
    appendTransaction(transactions, oldState, newState) {
      if (!oldState.storedMarks || newState.storedMarks || !newState.selection.empty) return null;
      if (!transactions.every(isSyncFromElsewhere)) return null;
      return newState.tr.setStoredMarks(oldState.storedMarks).setMeta('addToHistory', false);
    },
  });
}

function isSyncFromElsewhere(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
}
