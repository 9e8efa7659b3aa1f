import { useEffect, useState } from 'react';
import { afterNextPaint } from './afterNextPaint.ts';

/** Longest wait for an idle moment: on a page that is never idle, the work still happens. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * False until `isReady` has been true through a painted frame and the browser
 * then had an idle moment; true from then on. For what a page can do without
 * at first (code for a pointer convenience, say), so that it never competes
 * with opening the draft.
 */
export function useWhenSettled(isReady: boolean): boolean {
  const [isSettled, setSettled] = useState(false);
  useEffect(() => {
    if (!isReady || isSettled) return;
    let cancelIdle = () => {};
    const cancelPaint = afterNextPaint(() => {
      // Safari has no requestIdleCallback; a timer is the nearest it has.
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(() => setSettled(true), { timeout: IDLE_TIMEOUT_MS });
        cancelIdle = () => cancelIdleCallback(handle);
      } else {
        const handle = setTimeout(() => setSettled(true), 0);
        cancelIdle = () => clearTimeout(handle);
      }
    });
    return () => {
      cancelPaint();
      cancelIdle();
    };
  }, [isReady, isSettled]);
  return isSettled;
}
