import type { MiddlewareHandler } from 'hono';

/**
 * The files that decide which build a browser runs: the page, the service
 * worker (`sw.js`, made by the client build) and its registration script. A
 * browser must ask for them again every time (`no-cache`: revalidate before
 * use), or a new deploy could sit behind an HTTP cache; the hashed assets they
 * name never change and need nothing. Only successful answers are marked.
 */
const APP_SHELL_PATHS: ReadonlySet<string> = new Set(['/', '/index.html', '/sw.js', '/registerSW.js']);

export function revalidateAppShell(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      if (APP_SHELL_PATHS.has(c.req.path) && c.res.ok) c.res.headers.set('Cache-Control', 'no-cache');
    }
  };
}
