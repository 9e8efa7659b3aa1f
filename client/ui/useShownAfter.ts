import { useEffect, useState } from 'react';

/**
 * True once `isOn` has stayed true for `delayMs`; false as soon as it is
 * false. For states that usually last a moment and only deserve a mention
 * when they do not, like "Saving…" after each keystroke.
 */
export function useShownAfter(isOn: boolean, delayMs: number): boolean {
  const [hasLasted, setHasLasted] = useState(false);
  useEffect(() => {
    if (!isOn) {
      setHasLasted(false);
      return;
    }
    const timer = setTimeout(() => setHasLasted(true), delayMs);
    return () => clearTimeout(timer);
  }, [isOn, delayMs]);
  return isOn && hasLasted;
}
