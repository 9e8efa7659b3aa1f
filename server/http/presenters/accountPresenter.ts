import type { Account, AccountSummary, TokenSummary } from '../../../shared/api/auth.ts';
import type { Principal } from '../../auth/principal.ts';
import type { AccountRecord, TokenRecord } from '../../storage/AccountStore.ts';

/** Who is signed in, as the session answer and awareness know them. Never the password hash. */
export function toAccountSummary(principal: Principal): AccountSummary {
  return {
    id: principal.accountId,
    username: principal.username,
    displayName: principal.displayName,
    role: principal.role,
  };
}

/** An account as the admin API shows it. Never the password hash. */
export function toAccount(record: AccountRecord): Account {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    disabled: record.disabled,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

/** A token without its secret (the store does not have it). */
export function toTokenSummary(record: TokenRecord): TokenSummary {
  return {
    id: record.id,
    name: record.name,
    createdAt: new Date(record.createdAt).toISOString(),
    lastUsedAt: record.lastUsedAt === null ? null : new Date(record.lastUsedAt).toISOString(),
  };
}
