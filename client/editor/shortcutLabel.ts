/** True on Apple platforms, where Tiptap's `Mod` is Command. */
export function isApplePlatform(): boolean {
  if (typeof navigator === 'undefined') return false;
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad|ipod/i.test(platform);
}

const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/**
 * A Tiptap key spec written for people: "Mod-Shift-z" is "Ctrl+Shift+Z", or
 * "⌘⇧Z" on a Mac.
 */
export function shortcutLabel(spec: string, isApple = isApplePlatform()): string {
  const parts = spec.split('-');
  const key = parts.pop()!;
  const names: Record<string, [string, string]> = {
    Mod: ['Ctrl', '⌘'],
    Ctrl: ['Ctrl', '⌃'],
    Alt: ['Alt', '⌥'],
    Shift: ['Shift', '⇧'],
  };
  const modifiers = parts.map((part) => names[part]?.[isApple ? 1 : 0] ?? part);
  const keyName = key.length === 1 ? key.toUpperCase() : (ARROWS[key] ?? (isApple && key === 'Enter' ? '↩' : key));
  return isApple ? modifiers.join('') + keyName : [...modifiers, keyName].join('+');
}

/** aria-keyshortcuts wants "Control+B" style names; Tiptap's Mod is Control here and Meta on a Mac. */
export function ariaShortcut(spec: string): string {
  const isApple = isApplePlatform();
  return spec
    .split('-')
    .map((part) => {
      if (part === 'Mod') return isApple ? 'Meta' : 'Control';
      if (part.length === 1) return part.toUpperCase();
      return part;
    })
    .join('+');
}
