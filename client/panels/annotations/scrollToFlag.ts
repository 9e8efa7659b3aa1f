import type { Editor } from '@tiptap/core';

/** How long a smooth scroll may take before it is treated as over (browsers without `scrollend`). */
const SCROLL_SETTLE_MS = 1500;

/**
 * Brings a flag's span to the middle of the window (ProseMirror only scrolls
 * it just into view, under the sticky bars). The copy's blocks off screen are
 * laid out at an estimated height until they are drawn (content-visibility in
 * editor.css), so a smooth scroll aims at where the span was estimated to be
 * and the blocks it passes then take their real height; once it is over, the
 * span is put in the middle again, at once, if it is not there.
 */
export function scrollToFlag(editor: Editor, id: string): void {
  requestAnimationFrame(() => {
    const span = editor.view.dom.querySelector(`[data-flag-id="${CSS.escape(id)}"]`);
    if (!span) return;
    const isReduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    span.scrollIntoView({ block: 'center', behavior: isReduced ? 'auto' : 'smooth' });
    whenScrollSettles(() => {
      if (span.isConnected && !isNearMiddle(span)) span.scrollIntoView({ block: 'center', behavior: 'auto' });
    });
  });
}

/** Runs `then` once the window's scrolling ends (or after SCROLL_SETTLE_MS, if it never started or `scrollend` is unknown). */
function whenScrollSettles(then: () => void): void {
  let isDone = false;
  const finish = () => {
    if (isDone) return;
    isDone = true;
    clearTimeout(timer);
    window.removeEventListener('scrollend', finish);
    then();
  };
  const timer = setTimeout(finish, SCROLL_SETTLE_MS);
  window.addEventListener('scrollend', finish);
}

/** Whether the element's middle lies within the middle half of the window. */
function isNearMiddle(element: Element): boolean {
  const box = element.getBoundingClientRect();
  const middle = (box.top + box.bottom) / 2;
  return middle > window.innerHeight / 4 && middle < (window.innerHeight * 3) / 4;
}
