import { Extension } from '@tiptap/core';
import { FORMATTING_KEYS } from '../editorKeys.ts';

export interface LinkShortcutOptions {
  /** Called on Mod-k; the editor UI opens its link form. */
  onRequestLink: () => void;
}

export const LINK_SHORTCUT = FORMATTING_KEYS.link.shortcut;

/** Mod-k asks the UI for a link; the link mark itself comes from the shared schema. */
export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: 'linkShortcut',

  addOptions() {
    return { onRequestLink: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      [LINK_SHORTCUT]: () => {
        this.options.onRequestLink();
        return true;
      },
    };
  },
});
