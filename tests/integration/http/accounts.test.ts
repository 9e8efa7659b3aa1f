import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountAnswerSchema, accountListSchema, tokenCreatedSchema } from '../../../shared/api/auth.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { expectError, jsonInit } from '../../support/apiHelpers.ts';

describe('REST: accounts admin', () => {
  let server: TestServer;
  let adminCookie: string;
  const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  const asAdmin = (method: string, path: string, body?: unknown) =>
    api(path, body === undefined ? { method, headers: { cookie: adminCookie } } : jsonInit(method, body, { cookie: adminCookie }));
  const idOf = async (username: string) => (await server.accounts.findAccountByUsername(username))!.id;

  beforeAll(async () => {
    server = await startTestServer();
    adminCookie = await server.signIn('admin');
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('lists every account without password hashes', async () => {
    const res = await asAdmin('GET', '/api/accounts');
    const text = await res.text();
    expect(text).not.toContain('scrypt');
    const { accounts } = accountListSchema.parse(JSON.parse(text));
    expect(accounts.map((a) => [a.username, a.role, a.displayName, a.disabled])).toEqual([
      ['admin', 'admin', 'Ada Admin', false],
      ['chief', 'chief', 'Chris Chief', false],
      ['editor', 'editor', 'Eddie Editor', false],
      ['legal', 'legal', 'Lena Legal', false],
    ]);
  });

  it('adds an account who can then sign in; a duplicate username is 409 conflict', async () => {
    const res = await asAdmin('POST', '/api/accounts', {
      username: 'Rita.Reporter',
      displayName: 'Rita Reporter',
      role: 'editor',
      password: 'a long new password',
    });
    expect(res.status).toBe(201);
    expect(accountAnswerSchema.parse(await res.json()).account).toMatchObject({
      username: 'rita.reporter',
      displayName: 'Rita Reporter',
      role: 'editor',
      disabled: false,
    });
    expect(await server.signIn('rita.reporter', 'a long new password')).toMatch(/^copydesk_session=/);

    const again = await asAdmin('POST', '/api/accounts', { username: 'rita.reporter', role: 'legal', password: 'another password' });
    await expectError(again, 409, 'conflict');
    await expectError(await asAdmin('POST', '/api/accounts', { username: 'x', role: 'editor', password: 'long enough!' }), 400, 'validation_failed');
    await expectError(await asAdmin('POST', '/api/accounts', { username: 'shorty', role: 'editor', password: 'short' }), 400, 'validation_failed');
    await expectError(await asAdmin('POST', '/api/accounts', { username: 'boss', role: 'owner', password: 'long enough!' }), 400, 'validation_failed');
  });

  it('changes a role: the same session acts with the new role at once', async () => {
    await asAdmin('POST', '/api/accounts', { username: 'sam', role: 'legal', password: 'sam password 1' });
    const samCookie = await server.signIn('sam', 'sam password 1');
    const create = () => api('/api/docs', jsonInit('POST', { title: 'By Sam' }, { cookie: samCookie }));
    await expectError(await create(), 403, 'forbidden');

    const res = await asAdmin('PATCH', `/api/accounts/${await idOf('sam')}`, { role: 'editor', displayName: 'Sam Subeditor' });
    expect(res.status).toBe(200);
    expect(accountAnswerSchema.parse(await res.json()).account).toMatchObject({ role: 'editor', displayName: 'Sam Subeditor' });
    expect((await create()).status).toBe(201);
  });

  it('disables an account: its session and token fail, it cannot sign in; enabling lets it sign in again', async () => {
    await asAdmin('POST', '/api/accounts', { username: 'dana', role: 'editor', password: 'dana password 1' });
    const cookie = await server.signIn('dana', 'dana password 1');
    const { token } = tokenCreatedSchema.parse(await (await api('/api/tokens', jsonInit('POST', {}, { cookie }))).json());

    const res = await asAdmin('PATCH', `/api/accounts/${await idOf('dana')}`, { disabled: true });
    expect(accountAnswerSchema.parse(await res.json()).account.disabled).toBe(true);
    await expectError(await api('/api/docs', { headers: { cookie } }), 401, 'unauthorized');
    await expectError(await api('/api/docs', { headers: { authorization: `Bearer ${token}` } }), 401, 'unauthorized');
    const signIn = await api('/api/session', jsonInit('POST', { username: 'dana', password: 'dana password 1' }));
    await expectError(signIn, 401, 'invalid_credentials');

    await asAdmin('PATCH', `/api/accounts/${await idOf('dana')}`, { disabled: false });
    // The old session stays ended; the token works again; signing in works.
    await expectError(await api('/api/docs', { headers: { cookie } }), 401, 'unauthorized');
    expect((await api('/api/docs', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await server.signIn('dana', 'dana password 1')).toMatch(/^copydesk_session=/);
  });

  it('resets a password: the old one stops working and the account’s sessions end', async () => {
    await asAdmin('POST', '/api/accounts', { username: 'pat', role: 'chief', password: 'pat password 1' });
    const cookie = await server.signIn('pat', 'pat password 1');
    expect((await asAdmin('PATCH', `/api/accounts/${await idOf('pat')}`, { password: 'pat password 2' })).status).toBe(200);
    await expectError(await api('/api/session', { headers: { cookie } }), 401, 'unauthorized');
    await expectError(
      await api('/api/session', jsonInit('POST', { username: 'pat', password: 'pat password 1' })),
      401,
      'invalid_credentials',
    );
    expect(await server.signIn('pat', 'pat password 2')).toMatch(/^copydesk_session=/);
  });

  it('answers 404 for an unknown account and 400 for a bad change', async () => {
    await expectError(await asAdmin('PATCH', '/api/accounts/nobody', { role: 'editor' }), 404, 'not_found');
    await expectError(await asAdmin('PATCH', `/api/accounts/${await idOf('editor')}`, { username: 'renamed' }), 400, 'validation_failed');
  });

  it('will not let the last admin demote or disable themselves (409), but will once there is another', async () => {
    const adminId = await idOf('admin');
    await expectError(await asAdmin('PATCH', `/api/accounts/${adminId}`, { role: 'editor' }), 409, 'conflict');
    await expectError(await asAdmin('PATCH', `/api/accounts/${adminId}`, { disabled: true }), 409, 'conflict');
    expect((await asAdmin('GET', '/api/session')).status).toBe(200);

    const second = await asAdmin('POST', '/api/accounts', { username: 'ada2', role: 'admin', password: 'second admin password' });
    expect(second.status).toBe(201);
    const demoted = await asAdmin('PATCH', `/api/accounts/${adminId}`, { role: 'editor' });
    expect(accountAnswerSchema.parse(await demoted.json()).account.role).toBe('editor');
    // No longer an admin: the accounts API is closed to this session now.
    await expectError(await asAdmin('GET', '/api/accounts'), 403, 'forbidden');
  });
});
