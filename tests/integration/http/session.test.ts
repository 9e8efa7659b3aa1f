import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAnswerSchema } from '../../../shared/api/auth.ts';
import { verifyPassword } from '../../../server/auth/passwords.ts';
import { SESSION_COOKIE } from '../../../server/auth/sessionCookie.ts';
import { DEMO_PASSWORD, sessionCookieOf, startTestServer, type TestServer } from '../../support/testServer.ts';
import { expectError, jsonInit } from '../../support/apiHelpers.ts';

describe('REST: signing in and out', () => {
  let server: TestServer;
  const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  const signInRequest = (username: string, password: string, headers: Record<string, string> = {}) =>
    api('/api/session', jsonInit('POST', { username, password }, headers));

  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true', ALLOWED_ORIGINS: 'https://desk.example.com' } });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('keeps only an scrypt hash of the password, which verifies', async () => {
    const account = await server.accounts.findAccountByUsername('editor');
    expect(account!.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(account!.passwordHash).toMatch(/^\$scrypt\$/);
    expect(await verifyPassword(DEMO_PASSWORD, account!.passwordHash)).toBe(true);
  });

  it('signs in with an HttpOnly, SameSite=Lax session cookie and answers with the account', async () => {
    const res = await signInRequest('  Editor ', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(sessionAnswerSchema.parse(await res.json()).account).toMatchObject({
      username: 'editor',
      displayName: 'Eddie Editor',
      role: 'editor',
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/; Secure/);
    expect(JSON.stringify(await server.accounts.listAccounts())).not.toContain(DEMO_PASSWORD);

    const me = await api('/api/session', { headers: { cookie: sessionCookieOf(res)! } });
    expect(me.status).toBe(200);
    expect(sessionAnswerSchema.parse(await me.json()).account.username).toBe('editor');
  });

  it('marks the cookie Secure over https, as a trusted proxy reports it', async () => {
    const res = await signInRequest('legal', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/; Secure/);
  });

  it('refuses a wrong password or unknown username with 401 invalid_credentials and no cookie', async () => {
    const wrong = await signInRequest('chief', 'not the password');
    expect(sessionCookieOf(wrong)).toBeUndefined();
    await expectError(wrong, 401, 'invalid_credentials');
    const unknown = await signInRequest('nobody', DEMO_PASSWORD);
    await expectError(unknown, 401, 'invalid_credentials');
    await expectError(await api('/api/session', jsonInit('POST', { username: 'chief' })), 400, 'validation_failed');
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const cookie = await server.signIn('chief');
    const out = await api('/api/session', { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Max-Age=0/);
    await expectError(await api('/api/session', { headers: { cookie } }), 401, 'unauthorized');
    await expectError(await api('/api/docs', { headers: { cookie } }), 401, 'unauthorized');
  });

  it('ends the earlier session when the same browser signs in again', async () => {
    const first = await server.signIn('editor');
    const again = await signInRequest('editor', DEMO_PASSWORD, { cookie: first });
    expect(again.status).toBe(200);
    await expectError(await api('/api/session', { headers: { cookie: first } }), 401, 'unauthorized');
    expect((await api('/api/session', { headers: { cookie: sessionCookieOf(again)! } })).status).toBe(200);
  });

  it('refuses a tampered or forged cookie', async () => {
    const cookie = await server.signIn('editor');
    const [name, value] = cookie.split('=') as [string, string];
    const raw = decodeURIComponent(value);
    const dot = raw.lastIndexOf('.');
    const id = raw.slice(0, dot);
    const signature = raw.slice(dot + 1);
    const flipped = (id[0] === 'A' ? 'B' : 'A') + id.slice(1);
    const cases = [
      `${name}=${encodeURIComponent(`${flipped}.${signature}`)}`, // another id under the old signature
      `${name}=${encodeURIComponent(id)}`, // no signature
      `${name}=${encodeURIComponent(`${id}.${'A'.repeat(43)}=`)}`, // a made-up signature
    ];
    for (const bad of cases) {
      const res = await api('/api/session', { headers: { cookie: bad } });
      await expectError(res, 401, 'unauthorized');
    }
    expect((await api('/api/session', { headers: { cookie } })).status).toBe(200);
  });

  describe('cross-site requests', () => {
    it('refuses a cookie-authenticated write from a foreign Origin with 403 cross_site_request', async () => {
      const cookie = await server.signIn('editor');
      const foreign = await api('/api/docs', jsonInit('POST', { title: 'CSRF' }, { cookie, origin: 'https://evil.example' }));
      await expectError(foreign, 403, 'cross_site_request');
      const signOut = await api('/api/session', { method: 'DELETE', headers: { cookie, origin: 'https://evil.example' } });
      await expectError(signOut, 403, 'cross_site_request');
      // Reads are not refused: the same-origin policy keeps their answers from the other site.
      expect((await api('/api/docs', { headers: { cookie, origin: 'https://evil.example' } })).status).toBe(200);
    });

    it('allows the server’s own origin, an ALLOWED_ORIGINS entry, and requests without an Origin', async () => {
      const cookie = await server.signIn('editor');
      const own = new URL(server.url).origin;
      for (const origin of [own, 'https://desk.example.com', undefined]) {
        const headers: Record<string, string> = origin ? { cookie, origin } : { cookie };
        const res = await api('/api/docs', jsonInit('POST', { title: `From ${origin ?? 'a script'}` }, headers));
        expect(res.status).toBe(201);
      }
    });

    it('exempts bearer tokens: there is no ambient credential to abuse', async () => {
      const res = await api(
        '/api/docs',
        jsonInit('POST', { title: 'Bot' }, { ...(await server.authHeaders('editor')), origin: 'https://evil.example' }),
      );
      expect(res.status).toBe(201);
    });

    it('refuses a sign-in posted from a foreign Origin (login CSRF)', async () => {
      await expectError(await signInRequest('editor', DEMO_PASSWORD, { origin: 'https://evil.example' }), 403, 'cross_site_request');
    });
  });
});

describe('REST: sign-in rate limit', () => {
  let server: TestServer;
  const attempt = (username: string, password: string, address: string) =>
    fetch(`${server.url}/api/session`, jsonInit('POST', { username, password }, { 'x-forwarded-for': address }));

  beforeAll(async () => {
    server = await startTestServer({
      env: { TRUST_PROXY: 'true', SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3', SIGNIN_MAX_FAILURES_PER_ADDRESS: '5' },
    });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('locks an account out after too many failures, even for the right password, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) await expectError(await attempt('editor', 'wrong password', `10.0.0.${i}`), 401, 'invalid_credentials');
    const locked = await attempt('editor', DEMO_PASSWORD, '10.0.0.9');
    const retryAfter = Number(locked.headers.get('retry-after'));
    await expectError(locked, 429, 'too_many_requests');
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another account is not affected.
    expect((await attempt('chief', DEMO_PASSWORD, '10.0.0.9')).status).toBe(200);
  });

  it('limits one address across usernames', async () => {
    const address = '192.0.2.7';
    for (const username of ['legal', 'admin', 'nobody1', 'nobody2', 'nobody3']) {
      await expectError(await attempt(username, 'wrong password', address), 401, 'invalid_credentials');
    }
    const locked = await attempt('legal', DEMO_PASSWORD, address);
    await expectError(locked, 429, 'too_many_requests');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt('legal', DEMO_PASSWORD, '192.0.2.8')).status).toBe(200);
  });
});
