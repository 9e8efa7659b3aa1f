import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * For people whose role may not write the copy (legal, admin): the page stays
 * a focusable text field with a caret, so text can be selected with the mouse
 * and with Shift+arrows (for flagging), but nothing they do changes it.
 *
 * - Any transaction that changes the document and did not come from Yjs (a
 *   remote edit being drawn) is dropped, whatever made it: typing, Enter,
 *   Backspace, paste, cut, drop, a shortcut, a command.
 * - `beforeinput` is cancelled, so the browser does not change the page's DOM
 *   in the first place (ProseMirror would only redraw it back).
 * - The field says it is read-only (aria-readonly), asks for no on-screen
 *   keyboard (inputmode=none) and does no spell checking.
 *
 * The server refuses copy updates from these roles anyway (close 4403); this
 * keeps the tab from ever sending one.
 */
export const ReadOnlyCopy = Extension.create({
  name: 'readOnlyCopy',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('readOnlyCopy'),
        filterTransaction: (transaction) => !transaction.docChanged || isChangeOrigin(transaction),
        props: {
          attributes: { 'aria-readonly': 'true', inputmode: 'none', spellcheck: 'false' },
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
          handlePaste: () => true,
          handleDrop: () => true,
          handleTextInput: () => true,
        },
      }),
    ];
  },
});
