/**
 * Holds the page while something in it would be lost by leaving: closing or
 * reloading the tab asks first (the browser's own prompt), and so do
 * following a link inside the app or signing out (`mayLeave`) and the
 * browser's Back and Forward within the app. The unload prompt is registered
 * only while held, so a page with nothing at risk keeps the back-forward cache.
 */
interface Hold {
  readonly message: string;
}

const holds = new Set<Hold>();

/** Where the page was when first held: Back or Forward to another path is taken back there unless the person confirms. */
let heldAt = '';

const askBeforeUnload = (event: BeforeUnloadEvent): void => {
  event.preventDefault();
};

/**
 * The URL has already changed when popstate comes, so a refusal puts the held
 * page's address back (a new entry: what was forward of it is lost, the page
 * is not). Listening from the moment this module loads, before the router
 * subscribes, is what lets it stop the move: listeners run in the order they
 * were added, and the router's would otherwise render the next page (and
 * unmount what holds this one) first.
 */
const askBeforeHistoryMove = (event: PopStateEvent): void => {
  if (holds.size === 0 || location.pathname === new URL(heldAt, location.href).pathname || mayLeave()) return;
  event.stopImmediatePropagation();
  history.pushState(null, '', heldAt);
};
addEventListener('popstate', askBeforeHistoryMove);

/** Holds the page with `message` (shown for in-app navigation) until the returned release is called. */
export function holdPage(message: string): () => void {
  const hold: Hold = { message };
  if (holds.size === 0) {
    heldAt = location.pathname + location.search + location.hash;
    addEventListener('beforeunload', askBeforeUnload);
  }
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
