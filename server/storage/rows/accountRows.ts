import { ROLE_NAMES, type Role } from '../../../shared/permissions/permissions.ts';
import type { AccountRecord, SessionRecord, TokenRecord } from '../AccountStore.ts';
import { toBoolean, toNumber, type DbBoolean, type DbInteger } from './columns.ts';

/** A row of `accounts`, from either store. */
export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: DbBoolean;
  created_at: DbInteger;
}

/** A row of `sessions`, from either store. */
export interface SessionRow {
  id: string;
  account_id: string;
  created_at: DbInteger;
  expires_at: DbInteger;
}

/** A row of `api_tokens` as TOKEN_COLUMNS selects it (never the secret hash). */
export interface TokenRow {
  id: string;
  account_id: string;
  name: string;
  created_at: DbInteger;
  last_used_at: DbInteger | null;
}

export const TOKEN_COLUMNS = 'id, account_id, name, created_at, last_used_at';

/** A role this code no longer knows (a downgrade, a hand edit) must not grant anything: it throws. */
function toRole(value: string): Role {
  if ((ROLE_NAMES as readonly string[]).includes(value)) return value as Role;
  throw new Error(`stored account has an unknown role ${JSON.stringify(value)}`);
}

export const toAccount = (row: AccountRow): AccountRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: toRole(row.role),
  passwordHash: row.password_hash,
  disabled: toBoolean(row.disabled),
  createdAt: toNumber(row.created_at),
});

export const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id,
  accountId: row.account_id,
  createdAt: toNumber(row.created_at),
  expiresAt: toNumber(row.expires_at),
});

export const toToken = (row: TokenRow): TokenRecord => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  createdAt: toNumber(row.created_at),
  lastUsedAt: row.last_used_at === null ? null : toNumber(row.last_used_at),
});
