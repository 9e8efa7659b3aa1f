import type { Role } from '../../shared/permissions/permissions.ts';

/**
 * Where accounts and their credentials live: who may sign in, their browser
 * sessions and their API tokens. Secrets never reach the store in clear: a
 * password arrives as an scrypt string, a session id or token as its SHA-256.
 * All times are milliseconds since the epoch, given by the caller.
 */
export interface AccountRecord {
  id: string;
  /** Unique and lower-case. */
  username: string;
  displayName: string;
  role: Role;
  /** `$scrypt$…` string from server/auth/passwords.ts. */
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
}

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: number;
}

/** Fields left out stay as they are. */
export interface AccountChanges {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
}

export type AccountUpdate =
  | { status: 'updated'; account: AccountRecord }
  | { status: 'not_found' }
  /** Nothing changed: the update would have left no enabled admin. */
  | { status: 'last_admin' };

export interface SessionRecord {
  /** SHA-256 (hex) of the session id in the cookie. */
  id: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
}

export interface TokenRecord {
  id: string;
  accountId: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export interface NewToken {
  id: string;
  accountId: string;
  name: string;
  /** SHA-256 (hex) of the token's secret. */
  secretHash: string;
  createdAt: number;
}

export interface AccountStore {
  countAccounts(): Promise<number>;
  /** Every account, by username. */
  listAccounts(): Promise<AccountRecord[]>;
  /** Returns undefined when there is no account with this id. */
  findAccount(id: string): Promise<AccountRecord | undefined>;
  /** `username` must already be lower-case. Returns undefined when there is none. */
  findAccountByUsername(username: string): Promise<AccountRecord | undefined>;
  /** Returns undefined, storing nothing, when the username is taken. */
  createAccount(account: NewAccount): Promise<AccountRecord | undefined>;
  /**
   * Applies `changes` atomically. Refuses (status `last_admin`, nothing
   * changed) an update that would leave no enabled admin where there was one,
   * so two admins demoting each other at once cannot lock everyone out.
   */
  updateAccount(id: string, changes: AccountChanges): Promise<AccountUpdate>;

  createSession(session: SessionRecord): Promise<void>;
  /** Returns undefined when there is no such session; an expired one is still returned (the caller judges). */
  findSession(id: string): Promise<SessionRecord | undefined>;
  extendSession(id: string, expiresAt: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of an account (it was disabled or its password changed). */
  deleteSessionsOf(accountId: string): Promise<void>;
  /** Drops sessions that expired before `now`; resolves to how many. */
  deleteExpiredSessions(now: number): Promise<number>;

  createToken(token: NewToken): Promise<TokenRecord>;
  /** Returns undefined when no token has this secret hash. */
  findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined>;
  /** Returns undefined when there is no token with this id. */
  findToken(id: string): Promise<TokenRecord | undefined>;
  /** An account's tokens, oldest first. */
  listTokens(accountId: string): Promise<TokenRecord[]>;
  touchToken(id: string, lastUsedAt: number): Promise<void>;
  /** Resolves to false, deleting nothing, unless a token with this id belongs to `accountId`. */
  deleteToken(id: string, accountId: string): Promise<boolean>;
}
