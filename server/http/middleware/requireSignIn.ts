import type { MiddlewareHandler } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { Authenticator } from '../../auth/authenticator.ts';
import { SESSION_COOKIE } from '../../auth/sessionCookie.ts';
import { unauthorized } from '../../appError.ts';
import type { AuthEnv } from './authEnv.ts';
import { isHttpsRequest } from './requestPlace.ts';

export interface RequireSignInOptions {
  authenticator: Authenticator;
  trustProxy: boolean;
  /** `METHOD path` pairs reachable without credentials; everything else under the mount needs them. */
  publicRoutes: ReadonlyArray<readonly [method: string, path: string]>;
}

/**
 * Sets `principal` from the request's session cookie or bearer token, and
 * answers 401 `unauthorized` when there is none. Fail-closed: a route added
 * under the mount is protected unless listed in `publicRoutes`. A session
 * cookie that no longer works is cleared in the same answer.
 */
export function requireSignIn(options: RequireSignInOptions): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const isPublic = options.publicRoutes.some(([method, path]) => c.req.method === method && c.req.path === path);
    const principal = await options.authenticator.authenticateRequest({
      cookie: c.req.header('cookie'),
      authorization: c.req.header('authorization'),
    });
    c.set('principal', principal);
    if (!principal && !isPublic) {
      if (c.req.header('cookie')?.includes(SESSION_COOKIE)) {
        deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttpsRequest(c, options.trustProxy) });
      }
      throw unauthorized();
    }
    await next();
  };
}
