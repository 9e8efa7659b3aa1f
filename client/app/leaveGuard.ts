/**
 * Holds the page while something in it would be lost by leaving: closing or
 * reloading the tab asks first (the browser's own prompt), and so does
 * following a link inside the app (`mayLeave`). Registered only while held,
 * so a page with nothing at risk keeps the back-forward cache.
 */
interface Hold {
  readonly message: string;
}

const holds = new Set<Hold>();

const askBeforeUnload = (event: BeforeUnloadEvent): void => {
  event.preventDefault();
};

/** Holds the page with `message` (shown for in-app navigation) until the returned release is called. */
export function holdPage(message: string): () => void {
  const hold: Hold = { message };
  if (holds.size === 0) addEventListener('beforeunload', askBeforeUnload);
  holds.add(hold);
  return () => {
    if (!holds.delete(hold)) return;
    if (holds.size === 0) removeEventListener('beforeunload', askBeforeUnload);
  };
}

/** Whether in-app navigation may go ahead: true when nothing holds the page, or the person confirms. */
export function mayLeave(): boolean {
  const [first] = holds;
  return first === undefined || window.confirm(first.message);
}
