import type { Role } from '../../shared/permissions/permissions.ts';
import { conflict, notFound } from '../appError.ts';
import type { AccountChanges, AccountRecord, AccountStore } from '../storage/AccountStore.ts';
import { newRecordId } from './credentialSecrets.ts';
import { hashPassword } from './passwords.ts';

/**
 * Account commands shared by the admin API and the `npm run user` CLI. Inputs
 * are already validated (shared/api/auth.ts schemas): the username is
 * lower-case, the password long enough.
 */
export interface NewAccountInput {
  username: string;
  /** Defaults to the username. */
  displayName?: string | undefined;
  role: Role;
  password: string;
}

/** Creates an account. Throws 409 `conflict` when the username is taken. */
export async function addAccount(accounts: AccountStore, input: NewAccountInput, now: number): Promise<AccountRecord> {
  const created = await accounts.createAccount({
    id: newRecordId(),
    username: input.username,
    displayName: input.displayName ?? input.username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt: now,
  });
  if (!created) throw conflict(`the username ${JSON.stringify(input.username)} is taken`);
  return created;
}

export interface AccountEdit {
  displayName?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

/**
 * Changes an account. Disabling it or setting a new password ends its browser
 * sessions (its API tokens stay, but fail while it is disabled). Throws 404
 * for an unknown id, and 409 `conflict` (nothing changed) when the change
 * would leave no enabled admin: an admin cannot demote or disable the last one.
 */
export async function editAccount(accounts: AccountStore, id: string, edit: AccountEdit): Promise<AccountRecord> {
  const changes: AccountChanges = {};
  if (edit.displayName !== undefined) changes.displayName = edit.displayName;
  if (edit.role !== undefined) changes.role = edit.role;
  if (edit.disabled !== undefined) changes.disabled = edit.disabled;
  if (edit.password !== undefined) changes.passwordHash = await hashPassword(edit.password);
  const result = await accounts.updateAccount(id, changes);
  if (result.status === 'not_found') throw notFound(`no account with id ${JSON.stringify(id.slice(0, 80))}`);
  if (result.status === 'last_admin') {
    throw conflict('this would leave no enabled admin: make another account admin first');
  }
  if (edit.disabled === true || edit.password !== undefined) await accounts.deleteSessionsOf(id);
  return result.account;
}
