import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { accountAnswerSchema } from '../../../shared/api/auth.ts';
import { peopleAnswerSchema } from '../../../shared/api/people.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { expectError, jsonInit } from '../../support/apiHelpers.ts';

describe('REST: the people directory', () => {
  let server: TestServer;
  const people = async (username: string) => {
    const res = await fetch(`${server.url}/api/people`, { headers: await server.authHeaders(username) });
    expect(res.status).toBe(200);
    return z.strictObject(peopleAnswerSchema.shape).parse(await res.json()).people;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('lists every account that is not disabled, by name, with username and role only, to anyone who reads drafts', async () => {
    const expected = [
      { username: 'admin', name: 'Ada Admin', role: 'admin' },
      { username: 'chief', name: 'Chris Chief', role: 'chief' },
      { username: 'editor', name: 'Eddie Editor', role: 'editor' },
      { username: 'legal', name: 'Lena Legal', role: 'legal' },
    ];
    for (const reader of ['editor', 'legal', 'chief', 'admin']) {
      const listed = await people(reader);
      expect(listed.map(({ username, name, role }) => ({ username, name, role }))).toEqual(expected);
      // Nothing else of an account: no password hash, no disabled flag, no dates.
      for (const person of listed) expect(Object.keys(person).sort()).toEqual(['id', 'name', 'role', 'username']);
    }
  });

  it('drops an account once it is disabled', async () => {
    const created = await fetch(
      `${server.url}/api/accounts`,
      jsonInit('POST', { username: 'stringer', displayName: 'Sam Stringer', role: 'editor', password: 'a-long-enough-password' }, await server.authHeaders('admin')),
    );
    expect(created.status).toBe(201);
    const { account } = accountAnswerSchema.parse(await created.json());
    expect((await people('editor')).map((p) => p.username)).toContain('stringer');

    const disabled = await fetch(`${server.url}/api/accounts/${account.id}`, jsonInit('PATCH', { disabled: true }, await server.authHeaders('admin')));
    expect(disabled.status).toBe(200);
    expect((await people('editor')).map((p) => p.username)).not.toContain('stringer');
  });

  it('answers 401 with a JSON error without a credential', async () => {
    await expectError(await fetch(`${server.url}/api/people`), 401, 'unauthorized');
  });
});
