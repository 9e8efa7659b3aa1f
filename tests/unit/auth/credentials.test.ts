import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../server/auth/authenticator.ts';
import { hashSecret } from '../../../server/auth/credentialSecrets.ts';
import { SESSION_MAX_AGE_MS, findLiveSession, startSession } from '../../../server/auth/sessions.ts';
import { createToken, findLiveToken } from '../../../server/auth/tokens.ts';
import type { AccountRecord } from '../../../server/storage/AccountStore.ts';
import { openSqliteDatabase } from '../../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from '../../../server/storage/sqlite/SqliteAccountStore.ts';

const HOUR = 60 * 60 * 1000;

describe('sessions and tokens', () => {
  let db: Database.Database;
  let accounts: SqliteAccountStore;
  let account: AccountRecord;
  let now: number;
  const policy = { ttlMs: 12 * HOUR, now: () => now };

  beforeEach(async () => {
    now = 1_700_000_000_000;
    db = openSqliteDatabase(':memory:');
    accounts = new SqliteAccountStore(db);
    account = (await accounts.createAccount({
      id: 'acc-editor',
      username: 'editor',
      displayName: 'Eddie Editor',
      role: 'editor',
      passwordHash: 'not used here',
      createdAt: now,
    }))!;
  });
  afterEach(() => db.close());

  it('stores only the hash of a session id', async () => {
    const { sessionId, record } = await startSession(accounts, account.id, policy);
    expect(record.id).toBe(hashSecret(sessionId));
    expect(await accounts.findSession(sessionId)).toBeUndefined();
    const rows = db.prepare('SELECT * FROM sessions').all();
    expect(JSON.stringify(rows)).not.toContain(sessionId);
  });

  it('slides a session forward with use, and ends it after the idle time', async () => {
    const { record } = await startSession(accounts, account.id, policy);
    expect(record.expiresAt).toBe(now + 12 * HOUR);
    now += 11 * HOUR;
    const used = await findLiveSession(accounts, record.id, policy, { extend: true });
    expect(used?.session.expiresAt).toBe(now + 12 * HOUR);
    now += 11 * HOUR;
    expect(await findLiveSession(accounts, record.id, policy, { extend: false })).toBeDefined();
    now += 2 * HOUR;
    expect(await findLiveSession(accounts, record.id, policy, { extend: true })).toBeUndefined();
    // An expired session is dropped when seen.
    expect(await accounts.findSession(record.id)).toBeUndefined();
  });

  it('never keeps a session past its absolute lifetime, however busy', async () => {
    const started = now;
    const { record } = await startSession(accounts, account.id, policy);
    for (let elapsed = 6 * HOUR; elapsed < SESSION_MAX_AGE_MS; elapsed += 6 * HOUR) {
      now = started + elapsed;
      expect(await findLiveSession(accounts, record.id, policy, { extend: true })).toBeDefined();
    }
    const live = await accounts.findSession(record.id);
    expect(live?.expiresAt).toBe(started + SESSION_MAX_AGE_MS);
    now = started + SESSION_MAX_AGE_MS;
    expect(await findLiveSession(accounts, record.id, policy, { extend: true })).toBeUndefined();
  });

  it('stops honouring sessions and tokens of a disabled account', async () => {
    const { record } = await startSession(accounts, account.id, policy);
    const created = (await createToken(accounts, account.id, 'bot', now))!;
    await accounts.updateAccount(account.id, { disabled: true });
    expect(await findLiveSession(accounts, record.id, policy, { extend: true })).toBeUndefined();
    expect(await findLiveToken(accounts, created.token, now, { touch: true })).toBeUndefined();
    await accounts.updateAccount(account.id, { disabled: false });
    expect(await findLiveToken(accounts, created.token, now, { touch: true })).toBeDefined();
  });

  it('keeps a token only as its hash, records its last use at most once a minute, and revokes it for its owner only', async () => {
    const created = (await createToken(accounts, account.id, 'bot', now))!;
    expect(created.token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(db.prepare('SELECT * FROM api_tokens').all())).not.toContain(created.token);
    expect(await findLiveToken(accounts, created.token.slice(0, -1) + 'x', now, { touch: true })).toBeUndefined();

    await findLiveToken(accounts, created.token, now, { touch: true });
    expect((await accounts.findToken(created.record.id))?.lastUsedAt).toBe(now);
    const firstUse = now;
    now += 30_000;
    await findLiveToken(accounts, created.token, now, { touch: true });
    expect((await accounts.findToken(created.record.id))?.lastUsedAt).toBe(firstUse);
    now += 60_000;
    await findLiveToken(accounts, created.token, now, { touch: true });
    expect((await accounts.findToken(created.record.id))?.lastUsedAt).toBe(now);

    expect(await accounts.deleteToken(created.record.id, 'someone-else')).toBe(false);
    expect(await accounts.deleteToken(created.record.id, account.id)).toBe(true);
    expect(await findLiveToken(accounts, created.token, now, { touch: true })).toBeUndefined();
  });

  it('authenticates one credential, the most explicit: a bad bearer token is not rescued by a good cookie', async () => {
    const auth = createAuthenticator({
      accounts,
      sessionSecret: 'a-session-secret-of-at-least-32-characters',
      sessionTtlMs: 12 * HOUR,
      trustProxy: false,
      allowedOrigins: [],
      now: () => now,
    });
    const created = (await createToken(accounts, account.id, 'bot', now))!;
    const byToken = await auth.authenticateRequest({ authorization: `Bearer ${created.token}` });
    expect(byToken).toMatchObject({ accountId: account.id, role: 'editor', credential: { kind: 'token', id: created.record.id } });
    expect(await auth.authenticateRequest({ authorization: `bearer   ${created.token}` })).toBeDefined();
    expect(await auth.authenticateRequest({ authorization: `Basic ${created.token}` })).toBeUndefined();
    expect(await auth.authenticateRequest({ authorization: 'Bearer cdk_wrong', queryToken: created.token })).toBeUndefined();
    expect(await auth.authenticateRequest({ queryToken: created.token })).toBeDefined();
    expect(await auth.authenticateRequest({})).toBeUndefined();

    expect(await auth.isCredentialValid(byToken!.credential)).toBe(true);
    // The server's own acting in an account's name (the demo's flags) is no credential anyone holds.
    expect(await auth.isCredentialValid({ kind: 'server', id: created.record.id })).toBe(false);
    await accounts.updateAccount(account.id, { role: 'legal', displayName: 'Eddie, now Legal' });
    expect(await auth.findPrincipal(byToken!.credential)).toMatchObject({ role: 'legal', displayName: 'Eddie, now Legal' });
    await accounts.deleteToken(created.record.id, account.id);
    expect(await auth.isCredentialValid(byToken!.credential)).toBe(false);
    expect(await auth.isCredentialValid({ kind: 'session', id: 'no-such-session' })).toBe(false);
  });
});

describe('SqliteAccountStore (beyond the contract in tests/contracts/)', () => {
  let db: Database.Database;
  let accounts: SqliteAccountStore;

  beforeEach(() => {
    db = openSqliteDatabase(':memory:');
    accounts = new SqliteAccountStore(db);
  });
  afterEach(() => db.close());

  it('refuses to read an account whose stored role this code does not know', async () => {
    await accounts.createAccount({ id: 'acc-x', username: 'editor', displayName: 'x', role: 'editor', passwordHash: 'h', createdAt: 1 });
    db.prepare("UPDATE accounts SET role = 'owner' WHERE id = 'acc-x'").run();
    await expect(accounts.findAccount('acc-x')).rejects.toThrow(/unknown role/);
  });

  it('refuses a username that is not lower-case, whoever forgets to normalise it', async () => {
    await expect(
      accounts.createAccount({ id: 'acc-y', username: 'Editor', displayName: 'x', role: 'editor', passwordHash: 'h', createdAt: 1 }),
    ).rejects.toThrow(/CHECK/);
  });
});

describe('authenticating a WebSocket upgrade', () => {
  const secret = 'a-session-secret-of-at-least-32-characters';
  let db: Database.Database;
  let accounts: SqliteAccountStore;

  beforeEach(async () => {
    db = openSqliteDatabase(':memory:');
    accounts = new SqliteAccountStore(db);
    await accounts.createAccount({
      id: 'acc-legal',
      username: 'legal',
      displayName: 'Lena Legal',
      role: 'legal',
      passwordHash: 'not used here',
      createdAt: 1,
    });
  });
  afterEach(() => db.close());

  const upgrade = (url: string, headers: Record<string, string>, encrypted = false) =>
    ({ url, headers, socket: { encrypted } }) as unknown as IncomingMessage;

  it('reads the signed session cookie, or ?token=, and refuses a cookie signed with another secret', async () => {
    const { serializeSigned } = await import('hono/utils/cookie');
    const auth = createAuthenticator({ accounts, sessionSecret: secret, sessionTtlMs: HOUR, trustProxy: false, allowedOrigins: [] });
    const { sessionId } = await startSession(accounts, 'acc-legal', { ttlMs: HOUR, now: Date.now });
    const cookie = (await serializeSigned('copydesk_session', sessionId, secret)).split(';')[0]!;
    const principal = await auth.authenticateUpgrade(upgrade('/collab/draft-1', { cookie: `theme=dark; ${cookie}` }));
    expect(principal).toMatchObject({ username: 'legal', displayName: 'Lena Legal', role: 'legal', credential: { kind: 'session' } });

    const forged = (await serializeSigned('copydesk_session', sessionId, 'another-secret-of-at-least-32-characters')).split(';')[0]!;
    expect(await auth.authenticateUpgrade(upgrade('/collab/draft-1', { cookie: forged }))).toBeUndefined();

    const created = (await createToken(accounts, 'acc-legal', 'bot', Date.now()))!;
    const byToken = await auth.authenticateUpgrade(upgrade(`/collab/draft-1?ack=1&token=${created.token}`, {}));
    expect(byToken?.credential).toEqual({ kind: 'token', id: created.record.id });
    expect(await auth.authenticateUpgrade(upgrade('/collab/draft-1', {}))).toBeUndefined();
  });

  it('allows the upgrade’s own origin and ALLOWED_ORIGINS, and refuses others', () => {
    const auth = createAuthenticator({
      accounts,
      sessionSecret: secret,
      sessionTtlMs: HOUR,
      trustProxy: true,
      allowedOrigins: ['http://localhost:5173'],
    });
    const host = { host: 'desk.example.com' };
    expect(auth.isUpgradeOriginAllowed(upgrade('/collab/x', { ...host }))).toBe(true);
    expect(auth.isUpgradeOriginAllowed(upgrade('/collab/x', { ...host, origin: 'http://desk.example.com' }))).toBe(true);
    expect(auth.isUpgradeOriginAllowed(upgrade('/collab/x', { ...host, origin: 'https://desk.example.com' }))).toBe(false);
    expect(
      auth.isUpgradeOriginAllowed(
        upgrade('/collab/x', { ...host, origin: 'https://desk.example.com', 'x-forwarded-proto': 'https' }),
      ),
    ).toBe(true);
    expect(auth.isUpgradeOriginAllowed(upgrade('/collab/x', { ...host, origin: 'https://desk.example.com' }, true))).toBe(true);
    expect(auth.isUpgradeOriginAllowed(upgrade('/collab/x', { ...host, origin: 'http://localhost:5173' }))).toBe(true);
    expect(auth.isUpgradeOriginAllowed(upgrade('/collab/x', { ...host, origin: 'https://evil.example' }))).toBe(false);
  });
});
