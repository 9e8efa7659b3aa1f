import { Extension } from '@tiptap/core';
import { FLAG_KIND_NAMES, type FlagKind } from '../../../shared/annotations/kinds.ts';
import { FLAG_SHORTCUTS } from '../flags/flagKindWords.ts';

export interface FlagShortcutsOptions {
  /** Called with the kind when its shortcut is pressed on a non-empty selection; the UI asks for the first comment. */
  onRequestFlag: (kind: FlagKind) => void;
}

/** Mod-Shift-1/2/3 flag the selection as a claim, source needed or legal risk. An empty selection lets the key through. */
export const FlagShortcuts = Extension.create<FlagShortcutsOptions>({
  name: 'flagShortcuts',

  addOptions() {
    return { onRequestFlag: () => {} };
  },

  addKeyboardShortcuts() {
    return Object.fromEntries(
      FLAG_KIND_NAMES.map((kind) => [
        FLAG_SHORTCUTS[kind],
        () => {
          if (this.editor.state.selection.empty) return false;
          this.options.onRequestFlag(kind);
          return true;
        },
      ]),
    );
  },
});
