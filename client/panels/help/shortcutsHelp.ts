import { ValueStore } from '../../editor/collab/ValueStore.ts';

/**
 * Whether the keyboard shortcuts list is open: one list for the whole app,
 * opened by its keys (KeyboardShortcutsHelp) or from the account menu.
 */
export const isShortcutsHelpOpen = new ValueStore(false);

/** Whether a key pressed here types text (a field, the copy), so `?` is a character, not a command. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}
