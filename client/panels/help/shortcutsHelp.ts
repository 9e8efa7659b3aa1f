/**
 * Whether the keyboard shortcuts list is open: one list for the whole app,
 * opened by its keys (KeyboardShortcutsHelp) or from the account menu.
 */
let isOpen = false;
const listeners = new Set<() => void>();

const set = (open: boolean) => {
  if (open === isOpen) return;
  isOpen = open;
  for (const listener of listeners) listener();
};

export const shortcutsHelp = {
  open: () => set(true),
  close: () => set(false),
  isOpen: () => isOpen,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Whether a key pressed here types text (a field, the copy), so `?` is a character, not a command. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}
