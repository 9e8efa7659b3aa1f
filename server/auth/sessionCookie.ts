import { parseSigned } from 'hono/utils/cookie';

/**
 * The browser session cookie: `copydesk_session=<session id>.<HMAC-SHA256>`,
 * signed with SESSION_SECRET in Hono's signed-cookie format, HttpOnly,
 * SameSite=Lax, Path=/, Secure over https. The signature lets a forged or
 * altered cookie be refused before any database lookup; the id itself is
 * random and only its hash is stored.
 */
export const SESSION_COOKIE = 'copydesk_session';

/**
 * The session id in a Cookie header when its signature holds; undefined when
 * there is no session cookie or it was tampered with.
 */
export async function readSessionId(cookieHeader: string | undefined, secret: string): Promise<string | undefined> {
  if (!cookieHeader || !cookieHeader.includes(SESSION_COOKIE)) return undefined;
  const value = (await parseSigned(cookieHeader, secret, SESSION_COOKIE))[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
