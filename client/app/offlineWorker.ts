/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { getDraft } from '../api/drafts.ts';
import { getDesk, listSignoffs } from '../api/versions.ts';
import { matchRoute } from './router.ts';

/** How often an open tab asks whether a new build was deployed (the browser also checks on every load). */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers the service worker that lets the app open without the network
 * (production builds only; see vite.config.ts). A new deploy's worker takes
 * over at once; the page then reloads onto the new build, right away on most
 * pages, but in the editor only once the tab is hidden, so nobody loses their
 * place mid-sentence (the copy itself is safe either way: it is kept on this
 * device). Failure to register only costs the offline start.
 */
export function registerOfflineWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // The first visit ever asked for the open draft before the worker was there to keep the answers.
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', refetchOpenDraft, { once: true });
  }
  registerSW({
    immediate: true,
    onNeedReload: reloadWhenIdle,
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_INTERVAL_MS);
    },
  });
}

function reloadWhenIdle(): void {
  if (!location.pathname.startsWith('/docs/') || document.visibilityState === 'hidden') {
    location.reload();
    return;
  }
  const onHidden = () => {
    if (document.visibilityState !== 'hidden') return;
    document.removeEventListener('visibilitychange', onHidden);
    location.reload();
  };
  document.addEventListener('visibilitychange', onHidden);
}

/**
 * Asks again, now through the worker, for what the open draft's page shows
 * (its record, desk state and sign-offs), so it opens offline next time as it
 * is now, locked or not. Otherwise only what the page happened to fetch after
 * the worker took over would be kept.
 */
function refetchOpenDraft(): void {
  const route = matchRoute(location.pathname);
  if (route.name !== 'editor') return;
  for (const request of [getDraft, getDesk, listSignoffs]) void request(route.draftId).catch(() => undefined);
}
