import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { isApplePlatform } from '../../editor/shortcutLabel.ts';
import { isShortcutsHelpOpen, isTypingTarget } from './shortcutsHelp.ts';

// Loaded the first time it is asked for: most visits never open it.
const KeyboardShortcutsDialog = lazy(() =>
  import('./KeyboardShortcutsDialog.tsx').then((module) => ({ default: module.KeyboardShortcutsDialog })),
);

const closeShortcutsHelp = () => isShortcutsHelpOpen.set(false);

/**
 * The app's keyboard shortcuts list: `?` outside a text field, or Ctrl+/
 * (⌘/ on a Mac) anywhere, the copy included, opens it; Escape closes it.
 */
export function KeyboardShortcutsHelp() {
  const isOpen = useSyncExternalStore(isShortcutsHelpOpen.subscribe, isShortcutsHelpOpen.get);
  const [hasOpened, setHasOpened] = useState(false);
  if (isOpen && !hasOpened) setHasOpened(true);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const hasMod = isApplePlatform() ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      const isHelpKey = (event.key === '?' && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target)) || (hasMod && event.key === '/');
      if (!isHelpKey) return;
      event.preventDefault();
      isShortcutsHelpOpen.set(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!hasOpened) return null;
  return (
    <Suspense fallback={null}>
      <KeyboardShortcutsDialog isOpen={isOpen} onClose={closeShortcutsHelp} />
    </Suspense>
  );
}
