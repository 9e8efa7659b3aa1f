import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Makes a key act where the caret is, even when the browser has just moved
 * it (End, arrows, a click) and not yet told the editor. ProseMirror learns
 * of such a move from the `selectionchange` event, a task of its own; on a
 * busy page the next key can be handled first (input runs ahead of other
 * tasks), so Ctrl+B after End set bold at the old caret and the late event
 * then cleared it. Other keys the editor handles itself (Enter in the
 * headline, Backspace at the start of a block) could act at the old place
 * too. Before any key's command, a text selection the page has moved to
 * since the editor last drew or read it is read in; when the event comes,
 * the two agree and it changes nothing.
 */
export const SelectionBeforeKeys = Extension.create({
  name: 'selectionBeforeKeys',
  // Ahead of every keymap.
  priority: 10_000,

  addProseMirrorPlugins() {
    return [selectionBeforeKeysPlugin()];
  },
});

export function selectionBeforeKeysPlugin(): Plugin {
  // The page's selection as it was when the editor last drew or read it: until it changes, the editor agrees with it.
  let known: DomSelection | null = null;
  return new Plugin({
    key: new PluginKey('selectionBeforeKeys'),
    view(view) {
      known = domSelectionOf(view);
      return {
        update: (view) => {
          known = domSelectionOf(view);
        },
      };
    },
    props: {
      handleKeyDown(view, event) {
        // During composition the input method owns the caret.
        if (event.isComposing || event.keyCode === 229) return false;
        const dom = domSelectionOf(view);
        if (dom && !(known && isSameDomSelection(dom, known))) readDomSelection(view, dom);
        return false;
      },
    },
  });
}

interface DomSelection {
  anchorNode: Node;
  anchorOffset: number;
  focusNode: Node;
  focusOffset: number;
}

function domSelectionOf(view: EditorView): DomSelection | null {
  const selection = (view.root as Document).getSelection?.();
  if (!selection?.anchorNode || !selection.focusNode) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  return { anchorNode, anchorOffset, focusNode, focusOffset };
}

const isSameDomSelection = (a: DomSelection, b: DomSelection) =>
  a.anchorNode === b.anchorNode && a.anchorOffset === b.anchorOffset && a.focusNode === b.focusNode && a.focusOffset === b.focusOffset;

function readDomSelection(view: EditorView, dom: DomSelection): void {
  const { state } = view;
  if (!(state.selection instanceof TextSelection) || !view.hasFocus()) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    // The bias ProseMirror's own reading of the selection uses.
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset, 1);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset, 1);
  } catch {
    return;
  }
  if (anchor === state.selection.anchor && head === state.selection.head) return;
  const $anchor = state.doc.resolve(anchor);
  const $head = state.doc.resolve(head);
  // Only places text can go; anything else is left to ProseMirror's own reading.
  if (!$anchor.parent.inlineContent || !$head.parent.inlineContent) return;
  view.dispatch(state.tr.setSelection(TextSelection.between($anchor, $head)));
}
