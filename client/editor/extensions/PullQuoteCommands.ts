import { Extension } from '@tiptap/core';
import { FORMATTING_KEYS } from '../editorKeys.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuoteCommands: {
      /** Turns the current block into a pull quote, or a pull quote back into a paragraph. */
      togglePullQuote: () => ReturnType;
    };
  }
}

export const PULL_QUOTE_SHORTCUT = FORMATTING_KEYS.pullQuote.shortcut;

/** Commands and the shortcut for the shared `pullQuote` node, which is schema only. */
export const PullQuoteCommands = Extension.create({
  name: 'pullQuoteCommands',

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode('pullQuote', 'paragraph'),
    };
  },

  addKeyboardShortcuts() {
    return {
      [PULL_QUOTE_SHORTCUT]: () => this.editor.commands.togglePullQuote(),
    };
  },
});
