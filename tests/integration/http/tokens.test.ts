import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAnswerSchema, tokenCreatedSchema, tokenListSchema } from '../../../shared/api/auth.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { expectError, jsonInit } from '../../support/apiHelpers.ts';

describe('REST: API tokens', () => {
  let server: TestServer;
  let editorCookie: string;
  let legalCookie: string;
  const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer();
    [editorCookie, legalCookie] = await Promise.all([server.signIn('editor'), server.signIn('legal')]);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('creates a token shown once, which then works as a Bearer credential', async () => {
    const res = await api('/api/tokens', jsonInit('POST', { name: 'wire importer' }, { cookie: editorCookie }));
    expect(res.status).toBe(201);
    const created = tokenCreatedSchema.parse(await res.json());
    expect(created).toMatchObject({ name: 'wire importer', lastUsedAt: null });
    expect(created.token).toMatch(/^cdk_/);

    const me = await api('/api/session', { headers: bearer(created.token) });
    expect(me.status).toBe(200);
    expect(sessionAnswerSchema.parse(await me.json()).account.username).toBe('editor');
    expect((await api('/api/docs', { headers: bearer(created.token) })).status).toBe(200);
  });

  it('names a token by default when the body is empty', async () => {
    const res = await api('/api/tokens', { method: 'POST', headers: { cookie: editorCookie, 'content-length': '0' } });
    expect(res.status).toBe(201);
    expect(tokenCreatedSchema.parse(await res.json()).name).toBe('API token');
  });

  it('lists only the caller’s tokens, without their secrets, with their last use', async () => {
    const created = tokenCreatedSchema.parse(
      await (await api('/api/tokens', jsonInit('POST', { name: 'listed' }, { cookie: editorCookie }))).json(),
    );
    await api('/api/docs', { headers: bearer(created.token) });

    const res = await api('/api/tokens', { headers: { cookie: editorCookie } });
    const text = await res.text();
    expect(text).not.toContain(created.token);
    expect(text).not.toContain('cdk_');
    const { tokens } = tokenListSchema.parse(JSON.parse(text));
    const listed = tokens.find((t) => t.id === created.id);
    expect(listed).toMatchObject({ name: 'listed' });
    expect(listed!.lastUsedAt).not.toBeNull();
    expect(Object.keys(listed!).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);

    const legalList = tokenListSchema.parse(await (await api('/api/tokens', { headers: { cookie: legalCookie } })).json());
    expect(legalList.tokens.some((t) => t.id === created.id)).toBe(false);
  });

  it('revokes a token: it answers 401 afterwards', async () => {
    const created = tokenCreatedSchema.parse(
      await (await api('/api/tokens', jsonInit('POST', { name: 'short-lived' }, { cookie: editorCookie }))).json(),
    );
    expect((await api('/api/docs', { headers: bearer(created.token) })).status).toBe(200);
    const revoked = await api(`/api/tokens/${created.id}`, { method: 'DELETE', headers: { cookie: editorCookie } });
    expect(revoked.status).toBe(204);
    await expectError(await api('/api/docs', { headers: bearer(created.token) }), 401, 'unauthorized');
    await expectError(
      await api(`/api/tokens/${created.id}`, { method: 'DELETE', headers: { cookie: editorCookie } }),
      404,
      'not_found',
    );
  });

  it('cannot revoke another account’s token: 404, and the token keeps working', async () => {
    const created = tokenCreatedSchema.parse(
      await (await api('/api/tokens', jsonInit('POST', { name: 'mine' }, { cookie: editorCookie }))).json(),
    );
    await expectError(
      await api(`/api/tokens/${created.id}`, { method: 'DELETE', headers: { cookie: legalCookie } }),
      404,
      'not_found',
    );
    expect((await api('/api/docs', { headers: bearer(created.token) })).status).toBe(200);
  });

  it('refuses a bad body', async () => {
    await expectError(await api('/api/tokens', jsonInit('POST', { name: '' }, { cookie: editorCookie })), 400, 'validation_failed');
    await expectError(
      await api('/api/tokens', jsonInit('POST', { name: 'x', scope: 'all' }, { cookie: editorCookie })),
      400,
      'validation_failed',
    );
  });
});
