import type { MiddlewareHandler } from 'hono';
import { isAllowedOrigin } from '../../auth/origins.ts';
import { crossSiteRequest } from '../../appError.ts';
import { ownOriginOfRequest } from './requestPlace.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests another site's page could make with this
 * browser's cookie: a POST, PATCH, PUT or DELETE whose Origin header is
 * neither the server's own nor in ALLOWED_ORIGINS gets 403
 * `cross_site_request`. Sign-in is covered too (a forged one would sign the
 * victim into the attacker's account). Requests with an Authorization header
 * are exempt: a bearer token is never sent by the browser on its own, and a
 * page cannot add one cross-site without CORS, which this server never grants.
 */
export function refuseCrossSite(options: { allowedOrigins: readonly string[]; trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('authorization') === undefined) {
      const origin = c.req.header('origin');
      if (!isAllowedOrigin(origin, ownOriginOfRequest(c, options.trustProxy), options.allowedOrigins)) {
        throw crossSiteRequest(`requests from ${JSON.stringify(origin)} may not change anything here`);
      }
    }
    await next();
  };
}
