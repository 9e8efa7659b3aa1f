import { useSyncExternalStore } from 'react';
import { DRAFT_ID_PATTERN } from '../../shared/api/drafts.ts';

export type Route =
  | { name: 'drafts' }
  | { name: 'editor'; draftId: string }
  | { name: 'signIn' }
  | { name: 'admin' }
  | { name: 'tokens' }
  | { name: 'notFound'; path: string };

export const SIGN_IN_PATH = '/signin';
export const ADMIN_PATH = '/admin';
export const TOKENS_PATH = '/account/tokens';

const FIXED_ROUTES: Record<string, Route> = {
  '/': { name: 'drafts' },
  '': { name: 'drafts' },
  [SIGN_IN_PATH]: { name: 'signIn' },
  [ADMIN_PATH]: { name: 'admin' },
  [TOKENS_PATH]: { name: 'tokens' },
};

/** Reads a path; `/docs/:id` needs an id of the server's shape, anything else is notFound. */
export function matchRoute(path: string): Route {
  const fixed = FIXED_ROUTES[path.length > 1 ? path.replace(/\/$/, '') : path];
  if (fixed) return fixed;
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

/** The sign-in page, set to come back to `next` (a path in this app) afterwards. */
export function signInPath(next?: string): string {
  const target = next === undefined ? null : toSafeNext(next);
  return target && target !== '/' ? `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}` : SIGN_IN_PATH;
}

/**
 * Where to go after signing in: the `next` of the current address when it is
 * a path inside this app, otherwise `/`. Other origins (`//evil.example`,
 * `https://…`) and the sign-in page itself are never followed.
 */
export function nextAfterSignIn(search: string = location.search): string {
  return toSafeNext(new URLSearchParams(search).get('next') ?? '') ?? '/';
}

function toSafeNext(raw: string): string | null {
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  let url: URL;
  try {
    url = new URL(raw, 'http://app.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://app.invalid' || url.pathname === SIGN_IN_PATH) return null;
  return url.pathname + url.search + url.hash;
}

/** This page's path with its query, for coming back to it. */
export function currentLocation(): string {
  return location.pathname + location.search + location.hash;
}

const NAVIGATE_EVENT = 'copydesk:navigate';

/** Goes to `path` inside the app (History API); the server answers every app path with index.html. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentLocation()) return;
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

/** The current `#fragment` without the `#` ('' for none); re-renders on navigate(), back/forward and hash changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribeHash, () => location.hash.replace(/^#/, ''), () => '');
}

function subscribeHash(listener: () => void): () => void {
  const unsubscribe = subscribe(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', listener);
  };
}

/** The link to one flag of a draft: the editor opens its thread on arrival. */
export function flagPath(draftId: string, flagId: string): string {
  return `/docs/${encodeURIComponent(draftId)}#flag-${encodeURIComponent(flagId)}`;
}
