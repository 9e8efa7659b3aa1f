import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { API_CACHE_NAME, CACHED_API_PATTERN } from './client/app/offlineCache.ts';

/**
 * The browser app lives in `client/` and is built into `dist/client/`, which the
 * API server serves (with an SPA fallback for `/docs/:id`). In development the
 * Vite server proxies the API, the health check and the collaboration socket
 * to the API server on API_PORT (default 3000), so the app always talks to its
 * own origin, as it does in production.
 */
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

/**
 * `client/api/*.ts` is served at `/api/*.ts` in development, under the API's
 * prefix. Requests for a file with an extension stay with Vite (API paths never
 * have one: draft ids are [A-Za-z0-9_-]); returning the URL tells Vite to serve it.
 */
const keepSourceFiles = (request: { url?: string }) =>
  /^\/api\/[^?]*\.[a-z]+(\?|$)/i.test(request.url ?? '') ? request.url : undefined;

export default defineConfig({
  root: 'client',
  plugins: [deferLinkify(), react(), offlineWorker()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (Tiptap, ProseMirror, Yjs) is ~550 kB and loads only on /docs/:id.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, bypass: keepSourceFiles },
      '/healthz': { target: apiTarget, changeOrigin: false },
      '/collab': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});

/**
 * Points Tiptap's Link extension at `client/editor/linkify/deferredLinkify.ts`
 * instead of linkifyjs, so that the library (only needed to autolink typed
 * and pasted URLs) loads once the draft is open rather than before it. The
 * stand-in itself imports the real library, and so does every other importer.
 */
function deferLinkify(): Plugin {
  const standIn = fileURLToPath(new URL('./client/editor/linkify/deferredLinkify.ts', import.meta.url));
  return {
    name: 'copydesk:defer-linkify',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'linkifyjs' || !importer || !/[\\/]@tiptap[\\/]extension-link[\\/]/.test(importer)) return null;
      return standIn;
    },
  };
}

/**
 * The service worker (`dist/client/sw.js`, made by Workbox) that lets someone
 * who has opened a draft before open it again with no network. It precaches
 * the built app (index.html, hashed JS and CSS, the icon); a navigation to an
 * app path goes to the server first and gets the precached index.html only when
 * no answer comes; the API GETs the app wants to show what there is to work on
 * (a draft's record, desk state and sign-offs, the drafts list) are network first with a cached fallback
 * (client/app/offlineCache.ts, which also clears them on sign-out). Everything else (other API calls, every non-GET,
 * the /collab socket, health and metrics) is never touched by the worker.
 * The client registers it in production builds only (client/app/offlineWorker.ts);
 * a new deploy's worker takes over at once (skipWaiting, clientsClaim).
 */
function offlineWorker() {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'autoUpdate',
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg}'],
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // Navigations are handled below (network first), not from the precache.
      navigateFallback: null,
      runtimeCaching: [
        {
          // Serialized into the worker: it must not refer to anything outside itself.
          urlPattern: ({ request, url }) =>
            request.mode === 'navigate' &&
            url.origin === self.location.origin &&
            !/^\/(api|collab|healthz|readyz|metrics)(\/|$)/.test(url.pathname),
          handler: 'NetworkOnly',
          options: { precacheFallback: { fallbackURL: 'index.html' } },
        },
        {
          urlPattern: CACHED_API_PATTERN,
          method: 'GET',
          handler: 'NetworkFirst',
          options: {
            cacheName: API_CACHE_NAME,
            // A 401 or 404 from the server is passed on as it is, never replaced by a cached 200.
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 100 },
          },
        },
      ],
    },
  });
}
