import type { SignInLimits } from '../config.ts';
import { invalidCredentials, tooManyRequests } from '../appError.ts';
import type { AccountRecord, AccountStore } from '../storage/AccountStore.ts';
import { localFailureCounts, type FailureCountsFactory } from './FailureCounts.ts';
import { unmatchableHash, verifyPassword } from './passwords.ts';

export interface SignInAttempt {
  username: string;
  password: string;
  /** The client's address, for the per-address limit. */
  address: string;
}

export type SignIn = (attempt: SignInAttempt) => Promise<AccountRecord>;

/**
 * Checks a username and password, with failed attempts limited per username
 * and per client address: counted in this process by default, or by every
 * instance together when `counts` keeps them in a shared place.
 *
 * Resolves to the account. Throws 429 `too_many_requests` (with Retry-After)
 * while either limit is spent, even for the right password, and 401
 * `invalid_credentials` for a wrong username or password (one message for
 * both, and the same scrypt work for an unknown username, so neither the
 * answer nor its timing tells which usernames exist) or a disabled account.
 */
export function createSignIn(
  accounts: AccountStore,
  limits: SignInLimits,
  now: () => number = Date.now,
  counts: FailureCountsFactory = localFailureCounts,
): SignIn {
  const byUsername = counts('username', { maxFailures: limits.maxFailuresPerAccount, windowMs: limits.windowMs, now });
  const byAddress = counts('address', { maxFailures: limits.maxFailuresPerAddress, windowMs: limits.windowMs, now });
  // Made now, so the first unknown username does not take twice as long as later ones.
  unmatchableHash().catch(() => undefined);

  return async ({ username, password, address }) => {
    const key = username.trim().toLowerCase();
    const waitMs = Math.max(...(await Promise.all([byUsername.retryAfterMs(key), byAddress.retryAfterMs(address)])));
    if (waitMs > 0) {
      throw tooManyRequests('too many failed sign-ins; wait before trying again', waitMs / 1000);
    }
    const account = await accounts.findAccountByUsername(key);
    const isMatch = await verifyPassword(password, account?.passwordHash ?? (await unmatchableHash()));
    if (!account || !isMatch) {
      await Promise.all([byUsername.recordFailure(key), byAddress.recordFailure(address)]);
      throw invalidCredentials();
    }
    // Said only to someone who knows the password.
    if (account.disabled) throw invalidCredentials('this account is disabled; ask an admin');
    await byUsername.clear(key);
    return account;
  };
}
