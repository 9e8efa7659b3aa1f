import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftAnswerSchema } from '../../../shared/api/drafts.ts';
import { startTestServer, type DemoUsername, type TestServer } from '../../support/testServer.ts';
import { expectError, jsonInit } from '../../support/apiHelpers.ts';

/**
 * Every REST route: 401 without credentials, 403 for a role without the
 * action, success for a role with it. Roles come from
 * shared/permissions/permissions.ts; the expectations are spelled out here
 * so a change to that table shows up as a failing row.
 */
interface RouteCase {
  name: string;
  /** Builds the request; `ids` holds a draft and an account made beforehand. */
  request: (ids: { draftId: string; accountId: string }) => { path: string; init?: RequestInit };
  /** Roles that may call it, and the status they get; every other role gets 403. */
  allowed: Partial<Record<DemoUsername, number>>;
}

const ALL: DemoUsername[] = ['editor', 'legal', 'chief', 'admin'];
const everyone = (status: number) => Object.fromEntries(ALL.map((r) => [r, status])) as Record<DemoUsername, number>;
let counter = 0;
const unique = () => `user${++counter}${Math.random().toString(36).slice(2, 6)}`;

const ROUTES: RouteCase[] = [
  { name: 'GET /api/docs', request: () => ({ path: '/api/docs' }), allowed: everyone(200) },
  { name: 'GET /api/docs/:id', request: ({ draftId }) => ({ path: `/api/docs/${draftId}` }), allowed: everyone(200) },
  {
    name: 'POST /api/docs',
    request: () => ({ path: '/api/docs', init: jsonInit('POST', { title: 'Table test' }) }),
    allowed: { editor: 201, chief: 201 },
  },
  {
    name: 'POST /api/docs/import',
    request: () => ({ path: '/api/docs/import', init: jsonInit('POST', { content: '# Wire\n\nCopy.', format: 'markdown' }) }),
    allowed: { editor: 201, chief: 201 },
  },
  {
    name: 'PATCH /api/docs/:id',
    request: ({ draftId }) => ({ path: `/api/docs/${draftId}`, init: jsonInit('PATCH', { title: 'Renamed' }) }),
    allowed: { editor: 200, chief: 200 },
  },
  { name: 'GET /api/session', request: () => ({ path: '/api/session' }), allowed: everyone(200) },
  { name: 'GET /api/tokens', request: () => ({ path: '/api/tokens' }), allowed: everyone(200) },
  { name: 'POST /api/tokens', request: () => ({ path: '/api/tokens', init: jsonInit('POST', { name: 'ci' }) }), allowed: everyone(201) },
  {
    name: 'DELETE /api/tokens/:id',
    request: () => ({ path: '/api/tokens/no-such-token', init: { method: 'DELETE' } }),
    allowed: everyone(404),
  },
  { name: 'GET /api/accounts', request: () => ({ path: '/api/accounts' }), allowed: { admin: 200 } },
  {
    name: 'POST /api/accounts',
    request: () => ({
      path: '/api/accounts',
      init: jsonInit('POST', { username: unique(), role: 'legal', password: 'long enough password' }),
    }),
    allowed: { admin: 201 },
  },
  {
    name: 'PATCH /api/accounts/:id',
    request: ({ accountId }) => ({ path: `/api/accounts/${accountId}`, init: jsonInit('PATCH', { displayName: 'Renamed' }) }),
    allowed: { admin: 200 },
  },
];

describe('REST: who may call what', () => {
  let server: TestServer;
  const ids = { draftId: '', accountId: '' };

  beforeAll(async () => {
    server = await startTestServer();
    const created = await fetch(
      `${server.url}/api/docs`,
      jsonInit('POST', { title: 'Shared draft' }, await server.authHeaders('editor')),
    );
    ids.draftId = draftAnswerSchema.parse(await created.json()).draft.id;
    ids.accountId = (await server.accounts.findAccountByUsername('legal'))!.id;
  });
  afterAll(async () => {
    await server.dispose();
  });

  describe.each(ROUTES)('$name', (route) => {
    it('answers 401 unauthorized without credentials', async () => {
      const { path, init } = route.request(ids);
      await expectError(await fetch(`${server.url}${path}`, init), 401, 'unauthorized');
    });

    it('answers 401 unauthorized for an unknown token', async () => {
      const { path, init } = route.request(ids);
      const headers = { ...(init?.headers as Record<string, string>), authorization: 'Bearer cdk_not-a-real-token' };
      await expectError(await fetch(`${server.url}${path}`, { ...init, headers }), 401, 'unauthorized');
    });

    it.each(ALL)('as %s', async (username) => {
      const { path, init } = route.request(ids);
      const headers = { ...(init?.headers as Record<string, string>), ...(await server.authHeaders(username)) };
      const res = await fetch(`${server.url}${path}`, { ...init, headers });
      const expected = route.allowed[username];
      if (expected === undefined) {
        await expectError(res, 403, 'forbidden');
      } else {
        expect({ status: res.status, body: await res.text() }).toMatchObject({ status: expected });
      }
    });
  });

  it('answers 401, not 404, for unknown API paths without credentials, and 404 with them', async () => {
    await expectError(await fetch(`${server.url}/api/nothing-here`), 401, 'unauthorized');
    await expectError(await fetch(`${server.url}/api/nothing-here`, { headers: await server.authHeaders() }), 404, 'not_found');
  });

  it('leaves the health check and the client open', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The page itself is public (it shows the sign-in form); 404 only when the client is not built.
    expect([200, 404]).toContain((await fetch(`${server.url}/`)).status);
    expect([200, 404]).toContain((await fetch(`${server.url}/docs/anything`)).status);
  });
});
