/**
 * The service worker's cache of API answers (see vite.config.ts): the GETs the
 * editor needs to open a draft without the network. They belong to whoever was
 * signed in when they were fetched, so they are dropped on sign-out and
 * whenever another account signs in in this browser.
 */
export const API_CACHE_NAME = 'copydesk-api-v1';

/**
 * Which API GETs the worker keeps (network first, the cached answer only when
 * no answer comes): one draft's record, `/api/docs/:id` without a query, with
 * its desk state and sign-offs (`/desk`, `/signoffs`: a draft locked on
 * sign-off must open read-only offline too, not take edits the server will
 * refuse), and the drafts list, `/api/docs` alone or filtered by desk state,
 * so the app opened offline still shows what there is to work on. Nothing
 * else under /api is ever cached: not the session (the app remembers the
 * account itself and must not mistake a cached answer for the server's word),
 * not flags or versions.
 */
export const CACHED_API_PATTERN = /\/api\/docs(\/[A-Za-z0-9_-]{6,64}(\/desk|\/signoffs)?|\?state=[a-z-]{1,32})?$/;

/** Deletes the cached API answers. Resolves (never rejects) once they are gone, or when there is no Cache API. */
export async function clearOfflineApiCache(): Promise<void> {
  try {
    if (typeof caches !== 'undefined') await caches.delete(API_CACHE_NAME);
  } catch {
    // Storage unavailable (private mode, insecure origin): there is nothing to clear.
  }
}
