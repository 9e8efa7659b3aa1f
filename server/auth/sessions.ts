import type { AccountRecord, AccountStore, SessionRecord } from '../storage/AccountStore.ts';
import { hashSecret, newSecret } from './credentialSecrets.ts';

/**
 * Browser sessions. The cookie holds a random session id; the store keeps only
 * its SHA-256 with the account and two limits:
 * - sliding: a session ends `ttlMs` (SESSION_TTL_HOURS) after its last use;
 * - absolute: never later than SESSION_MAX_AGE_MS after sign-in, however busy.
 */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A session's expiry is pushed forward at most this often, so a busy browser
 * does not write to the database on every request.
 */
const EXTEND_EVERY_MS = 60_000;

export interface SessionPolicy {
  ttlMs: number;
  now: () => number;
}

export interface StartedSession {
  /** The secret for the cookie; never stored. */
  sessionId: string;
  record: SessionRecord;
}

export async function startSession(
  accounts: AccountStore,
  accountId: string,
  policy: SessionPolicy,
): Promise<StartedSession> {
  const sessionId = newSecret();
  const at = policy.now();
  const record: SessionRecord = {
    id: hashSecret(sessionId),
    accountId,
    createdAt: at,
    expiresAt: Math.min(at + policy.ttlMs, at + SESSION_MAX_AGE_MS),
  };
  await accounts.createSession(record);
  return { sessionId, record };
}

export interface LiveSession {
  session: SessionRecord;
  account: AccountRecord;
}

/**
 * The session stored under `key` (the id's hash) and its account, when the
 * session has not expired and the account is enabled; otherwise undefined.
 * An expired session is deleted on sight. With `extend`, a use pushes the
 * sliding expiry forward (capped by the absolute one).
 */
export async function findLiveSession(
  accounts: AccountStore,
  key: string,
  policy: SessionPolicy,
  { extend }: { extend: boolean },
): Promise<LiveSession | undefined> {
  const session = await accounts.findSession(key);
  if (!session) return undefined;
  const at = policy.now();
  if (session.expiresAt <= at) {
    await accounts.deleteSession(key);
    return undefined;
  }
  const account = await accounts.findAccount(session.accountId);
  if (!account || account.disabled) return undefined;
  if (extend) {
    const expiresAt = Math.min(at + policy.ttlMs, session.createdAt + SESSION_MAX_AGE_MS);
    if (expiresAt - session.expiresAt >= EXTEND_EVERY_MS) {
      await accounts.extendSession(key, expiresAt);
      return { session: { ...session, expiresAt }, account };
    }
  }
  return { session, account };
}

/** The store key of a session id from a cookie. */
export const sessionKeyOf = (sessionId: string): string => hashSecret(sessionId);
