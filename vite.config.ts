import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
  plugins: [react()],
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
