import type { AccountRecord, AccountStore, TokenRecord } from '../storage/AccountStore.ts';
import { TOKEN_PREFIX, hashSecret, newRecordId, newTokenSecret } from './credentialSecrets.ts';

/** Tokens one account may hold; past this, creating another is refused. */
export const MAX_TOKENS_PER_ACCOUNT = 50;
/** `lastUsedAt` is written at most this often per token. */
const TOUCH_EVERY_MS = 60_000;

export interface CreatedToken {
  record: TokenRecord;
  /** The secret, shown to its owner once; the store keeps only its hash. */
  token: string;
}

/** Creates an API token for an account. Resolves to undefined when the account already has MAX_TOKENS_PER_ACCOUNT. */
export async function createToken(
  accounts: AccountStore,
  accountId: string,
  name: string,
  now: number,
): Promise<CreatedToken | undefined> {
  if ((await accounts.listTokens(accountId)).length >= MAX_TOKENS_PER_ACCOUNT) return undefined;
  const token = newTokenSecret();
  const record = await accounts.createToken({
    id: newRecordId(),
    accountId,
    name,
    secretHash: hashSecret(token),
    createdAt: now,
  });
  return { record, token };
}

export interface LiveToken {
  token: TokenRecord;
  account: AccountRecord;
}

/**
 * The token with this secret and its account, when the account is enabled;
 * otherwise undefined. With `touch`, records the use in `lastUsedAt`.
 */
export async function findLiveToken(
  accounts: AccountStore,
  secret: string,
  now: number,
  { touch }: { touch: boolean },
): Promise<LiveToken | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const token = await accounts.findTokenBySecretHash(hashSecret(secret));
  if (!token) return undefined;
  return liveTokenOf(accounts, token, now, { touch });
}

/** As findLiveToken, by the token's id (an open connection's credential). */
export async function findLiveTokenById(accounts: AccountStore, id: string): Promise<LiveToken | undefined> {
  const token = await accounts.findToken(id);
  return token && liveTokenOf(accounts, token, 0, { touch: false });
}

async function liveTokenOf(
  accounts: AccountStore,
  token: TokenRecord,
  now: number,
  { touch }: { touch: boolean },
): Promise<LiveToken | undefined> {
  const account = await accounts.findAccount(token.accountId);
  if (!account || account.disabled) return undefined;
  if (touch && (token.lastUsedAt === null || now - token.lastUsedAt >= TOUCH_EVERY_MS)) {
    await accounts.touchToken(token.id, now);
    return { token: { ...token, lastUsedAt: now }, account };
  }
  return { token, account };
}
