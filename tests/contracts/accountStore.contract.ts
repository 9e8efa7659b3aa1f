import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/permissions/permissions.ts';
import type { AccountStore } from '../../server/storage/AccountStore.ts';

/**
 * The AccountStore contract: every backend runs this suite against a fresh,
 * empty store per test, through the interface only.
 *
 * Usage, from a `*.test.ts` file:
 *   describeAccountStoreContract('SqliteAccountStore', async () => ({ store, cleanup }));
 */
export function describeAccountStoreContract(
  name: string,
  makeStore: () => Promise<{ store: AccountStore; cleanup: () => Promise<void> }>,
): void {
  describe(`AccountStore contract: ${name}`, () => {
    let store: AccountStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    const add = (username: string, role: Role, createdAt = 1_000) =>
      store.createAccount({ id: `acc-${username}`, username, displayName: `${username} name`, role, passwordHash: `hash-${username}`, createdAt });

    it('creates accounts and finds them by id and username, listing by username', async () => {
      expect(await store.countAccounts()).toBe(0);
      const created = await add('zoe', 'editor');
      expect(created).toEqual({
        id: 'acc-zoe',
        username: 'zoe',
        displayName: 'zoe name',
        role: 'editor',
        passwordHash: 'hash-zoe',
        disabled: false,
        createdAt: 1_000,
      });
      await add('adam', 'legal');
      expect(await store.findAccount('acc-zoe')).toEqual(created);
      expect(await store.findAccountByUsername('zoe')).toEqual(created);
      expect(await store.findAccount('nobody')).toBeUndefined();
      expect(await store.findAccountByUsername('nobody')).toBeUndefined();
      expect((await store.listAccounts()).map((a) => a.username)).toEqual(['adam', 'zoe']);
      expect(await store.countAccounts()).toBe(2);
    });

    it('refuses a taken username, storing nothing', async () => {
      await add('editor', 'editor');
      const again = await store.createAccount({
        id: 'other-id',
        username: 'editor',
        displayName: 'x',
        role: 'admin',
        passwordHash: 'h',
        createdAt: 2,
      });
      expect(again).toBeUndefined();
      expect(await store.countAccounts()).toBe(1);
      expect(await store.findAccount('other-id')).toBeUndefined();
    });

    it('changes only the fields given', async () => {
      await add('sam', 'legal');
      const result = await store.updateAccount('acc-sam', { role: 'chief', passwordHash: 'new-hash' });
      expect(result).toEqual({
        status: 'updated',
        account: expect.objectContaining({ role: 'chief', passwordHash: 'new-hash', displayName: 'sam name', disabled: false }),
      });
      await store.updateAccount('acc-sam', { disabled: true, displayName: 'Sam' });
      expect(await store.findAccount('acc-sam')).toMatchObject({ role: 'chief', disabled: true, displayName: 'Sam' });
      expect((await store.updateAccount('nobody', { disabled: true })).status).toBe('not_found');
    });

    it('never leaves the desk without an enabled admin, and changes nothing when it refuses', async () => {
      await add('admin', 'admin');
      await add('editor', 'editor');
      expect((await store.updateAccount('acc-admin', { role: 'editor' })).status).toBe('last_admin');
      expect((await store.updateAccount('acc-admin', { disabled: true, displayName: 'Gone' })).status).toBe('last_admin');
      expect(await store.findAccount('acc-admin')).toMatchObject({ role: 'admin', disabled: false, displayName: 'admin name' });

      expect((await store.updateAccount('acc-editor', { role: 'admin' })).status).toBe('updated');
      expect((await store.updateAccount('acc-admin', { disabled: true })).status).toBe('updated');
      expect((await store.updateAccount('acc-editor', { role: 'editor' })).status).toBe('last_admin');
      // Two admins demoting each other at once: one of them stays.
      await store.updateAccount('acc-admin', { disabled: false });
      const results = await Promise.all([
        store.updateAccount('acc-admin', { role: 'editor' }),
        store.updateAccount('acc-editor', { role: 'editor' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['last_admin', 'updated']);
    });

    it('lets a store without any admin change freely (the CLI can make one)', async () => {
      await add('editor', 'editor');
      expect((await store.updateAccount('acc-editor', { disabled: true })).status).toBe('updated');
    });

    it('keeps sessions: find, extend, delete one, delete an account’s, sweep the expired', async () => {
      await add('editor', 'editor');
      await add('legal', 'legal');
      await store.createSession({ id: 's1', accountId: 'acc-editor', createdAt: 10, expiresAt: 100 });
      await store.createSession({ id: 's2', accountId: 'acc-editor', createdAt: 10, expiresAt: 200 });
      await store.createSession({ id: 's3', accountId: 'acc-legal', createdAt: 10, expiresAt: 50 });
      expect(await store.findSession('s1')).toEqual({ id: 's1', accountId: 'acc-editor', createdAt: 10, expiresAt: 100 });
      expect(await store.findSession('nope')).toBeUndefined();

      await store.extendSession('s1', 150);
      expect((await store.findSession('s1'))?.expiresAt).toBe(150);
      expect(await store.deleteExpiredSessions(60)).toBe(1);
      expect(await store.findSession('s3')).toBeUndefined();

      await store.deleteSession('s1');
      expect(await store.findSession('s1')).toBeUndefined();
      await store.createSession({ id: 's4', accountId: 'acc-legal', createdAt: 10, expiresAt: 500 });
      await store.deleteSessionsOf('acc-editor');
      expect(await store.findSession('s2')).toBeUndefined();
      expect(await store.findSession('s4')).toBeDefined();
    });

    it('keeps tokens: find by secret hash or id, list an account’s oldest first, touch, delete for the owner only', async () => {
      await add('editor', 'editor');
      await add('legal', 'legal');
      const first = await store.createToken({ id: 't1', accountId: 'acc-editor', name: 'bot', secretHash: 'h1', createdAt: 20 });
      expect(first).toEqual({ id: 't1', accountId: 'acc-editor', name: 'bot', createdAt: 20, lastUsedAt: null });
      await store.createToken({ id: 't0', accountId: 'acc-editor', name: 'older', secretHash: 'h0', createdAt: 10 });
      await store.createToken({ id: 't2', accountId: 'acc-legal', name: 'legal bot', secretHash: 'h2', createdAt: 5 });

      expect(await store.findTokenBySecretHash('h1')).toEqual(first);
      expect(await store.findTokenBySecretHash('nope')).toBeUndefined();
      expect(await store.findToken('t2')).toMatchObject({ accountId: 'acc-legal' });
      expect((await store.listTokens('acc-editor')).map((t) => t.id)).toEqual(['t0', 't1']);

      await store.touchToken('t1', 99);
      expect((await store.findToken('t1'))?.lastUsedAt).toBe(99);

      expect(await store.deleteToken('t1', 'acc-legal')).toBe(false);
      expect(await store.findToken('t1')).toBeDefined();
      expect(await store.deleteToken('t1', 'acc-editor')).toBe(true);
      expect(await store.findTokenBySecretHash('h1')).toBeUndefined();
      expect(await store.deleteToken('t1', 'acc-editor')).toBe(false);
    });
  });
}
