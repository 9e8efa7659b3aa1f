import { useCallback, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies text to the clipboard and says how it went. Where the Clipboard API
 * is missing (not a secure context) or refused, `fallback` may try another
 * way (e.g. select a field and `execCommand('copy')`) and return whether it
 * worked. With `resetAfterMs`, the state goes back to idle after that long.
 */
export function useCopyText(options: { fallback?: () => boolean; resetAfterMs?: number } = {}): [CopyState, (text: string) => Promise<void>] {
  const [state, setState] = useState<CopyState>('idle');
  const { fallback, resetAfterMs } = options;
  const copy = useCallback(
    async (text: string) => {
      let outcome: CopyState;
      try {
        await navigator.clipboard.writeText(text);
        outcome = 'copied';
      } catch {
        outcome = fallback?.() ? 'copied' : 'failed';
      }
      setState(outcome);
      if (resetAfterMs !== undefined) setTimeout(() => setState('idle'), resetAfterMs);
    },
    [fallback, resetAfterMs],
  );
  return [state, copy];
}
