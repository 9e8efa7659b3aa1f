import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export interface ReadOnlyCopyOptions {
  /**
   * Asked on every transaction and event: true while the copy must not change.
   * Always true for people whose role may not write the copy; for writers it
   * follows the desk's lock (a chief locked the copy on sign-off).
   */
  isReadOnly: () => boolean;
}

/**
 * For people whose role may not write the copy (legal, admin), and for
 * everyone while the copy is locked: the page stays a focusable text field
 * with a caret, so text can be selected with the mouse and with Shift+arrows
 * (for flagging), but nothing they do changes it.
 *
 * - Any transaction that changes the document and did not come from Yjs (a
 *   remote edit being drawn) is dropped, whatever made it: typing, Enter,
 *   Backspace, paste, cut, drop, a shortcut, a command.
 * - Undo and redo keys are swallowed: Yjs' undo manager writes the shared
 *   document directly (it would pass as a change from Yjs), and a locked
 *   writer may still have their own edits on its stack.
 * - `beforeinput` is cancelled, so the browser does not change the page's DOM
 *   in the first place (ProseMirror would only redraw it back).
 * - The field says it is read-only (aria-readonly), asks for no on-screen
 *   keyboard (inputmode=none) and does no spell checking.
 *
 * The server refuses copy updates from these roles, and every copy update
 * while locked (close 4403); this keeps the tab from ever sending one.
 */
export const ReadOnlyCopy = Extension.create<ReadOnlyCopyOptions>({
  name: 'readOnlyCopy',

  addOptions() {
    return { isReadOnly: () => true };
  },

  addProseMirrorPlugins() {
    const { isReadOnly } = this.options;
    return [
      new Plugin({
        key: new PluginKey('readOnlyCopy'),
        filterTransaction: (transaction) => !isReadOnly() || !transaction.docChanged || isChangeOrigin(transaction),
        props: {
          attributes: (): Record<string, string> =>
            isReadOnly() ? { 'aria-readonly': 'true', inputmode: 'none', spellcheck: 'false' } : {},
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (!isReadOnly()) return false;
              event.preventDefault();
              return true;
            },
          },
          handleKeyDown: (_view, event) => {
            if (!isReadOnly() || !(event.ctrlKey || event.metaKey)) return false;
            const key = event.key.toLowerCase();
            if (key !== 'z' && key !== 'y') return false;
            event.preventDefault();
            return true;
          },
          handlePaste: () => isReadOnly(),
          handleDrop: () => isReadOnly(),
          handleTextInput: () => isReadOnly(),
        },
      }),
    ];
  },
});
