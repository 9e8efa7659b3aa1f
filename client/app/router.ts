import { useSyncExternalStore } from 'react';
import { DRAFT_ID_PATTERN } from '../../shared/api/drafts.ts';

export type Route =
  | { name: 'drafts' }
  | { name: 'editor'; draftId: string }
  | { name: 'notFound'; path: string };

/** Reads a path; `/docs/:id` needs an id of the server's shape, anything else is notFound. */
export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'drafts' };
  const editor = /^\/docs\/([^/]+)\/?$/.exec(path);
  if (editor) {
    let draftId: string;
    try {
      draftId = decodeURIComponent(editor[1]!);
    } catch {
      return { name: 'notFound', path };
    }
    if (DRAFT_ID_PATTERN.test(draftId)) return { name: 'editor', draftId };
  }
  return { name: 'notFound', path };
}

const NAVIGATE_EVENT = 'copydesk:navigate';

/** Goes to `path` inside the app (History API); the server answers every app path with index.html. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** The current path; re-renders on navigate() and on back/forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname, () => '/');
}
