import { Hono, type Context } from 'hono';
import { deleteCookie, setSignedCookie } from 'hono/cookie';
import { signInBodySchema, type SessionAnswer } from '../../../shared/api/auth.ts';
import { toPrincipal } from '../../auth/authenticator.ts';
import { SESSION_COOKIE } from '../../auth/sessionCookie.ts';
import { SESSION_MAX_AGE_MS, startSession } from '../../auth/sessions.ts';
import type { SignIn } from '../../auth/signIn.ts';
import type { AccountStore } from '../../storage/AccountStore.ts';
import { principalOf, type AuthEnv } from '../middleware/authEnv.ts';
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.ts';
import { clientAddressOfRequest, isHttpsRequest } from '../middleware/requestPlace.ts';
import { parseJsonBody } from '../parseBody.ts';
import { toAccountSummary } from '../presenters/accountPresenter.ts';

export interface SessionRouteDeps {
  accounts: AccountStore;
  signIn: SignIn;
  sessionSecret: string;
  sessionTtlMs: number;
  trustProxy: boolean;
  maxJsonBodyBytes: number;
  now: () => number;
}

/**
 * `/api/session`: sign in (public), who am I, sign out. The cookie carries a
 * random session id signed with SESSION_SECRET; the server keeps its hash.
 */
export function sessionRoutes(deps: SessionRouteDeps) {
  const { accounts } = deps;
  const app = new Hono<AuthEnv>();
  const cookieOptions = (c: Context) => ({
    path: '/',
    secure: isHttpsRequest(c, deps.trustProxy),
  });

  app.post('/', jsonBodyLimit(deps.maxJsonBodyBytes), async (c) => {
    const body = await parseJsonBody(c, signInBodySchema);
    const account = await deps.signIn({
      username: body.username,
      password: body.password,
      address: clientAddressOfRequest(c, deps.trustProxy),
    });
    // A browser that was signed in already (perhaps as someone else) gets a
    // fresh session id, and the old session ends: ids are never reused.
    const previous = c.get('principal');
    if (previous?.credential.kind === 'session') await accounts.deleteSession(previous.credential.id);
    const { sessionId, record } = await startSession(accounts, account.id, { ttlMs: deps.sessionTtlMs, now: deps.now });
    await setSignedCookie(c, SESSION_COOKIE, sessionId, deps.sessionSecret, {
      ...cookieOptions(c),
      httpOnly: true,
      sameSite: 'Lax',
      // The browser may keep it for the absolute lifetime; the server ends it sooner when idle.
      maxAge: Math.floor(SESSION_MAX_AGE_MS / 1000),
    });
    const principal = toPrincipal(account, { kind: 'session', id: record.id });
    return c.json<SessionAnswer>({ account: toAccountSummary(principal) });
  });

  app.get('/', (c) => c.json<SessionAnswer>({ account: toAccountSummary(principalOf(c)) }));

  app.delete('/', async (c) => {
    const { credential } = principalOf(c);
    // Signing out with a token ends nothing: revoke a token with DELETE /api/tokens/:id.
    if (credential.kind === 'session') await accounts.deleteSession(credential.id);
    deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
    return c.body(null, 204);
  });

  return app;
}
