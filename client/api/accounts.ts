import type { z } from 'zod/mini';
import {
  accountAnswerSchema,
  accountListSchema,
  type Account,
  type createAccountBodySchema,
  type patchAccountBodySchema,
} from '../../shared/api/auth.ts';
import { requestJson } from './request.ts';

export type CreateAccountBody = z.input<typeof createAccountBodySchema>;
export type PatchAccountBody = z.input<typeof patchAccountBodySchema>;

/** Every account (admins only; others get ApiError `forbidden`). */
export async function listAccounts(signal?: AbortSignal): Promise<Account[]> {
  const answer = await requestJson('/api/accounts', accountListSchema, { signal });
  return answer.accounts;
}

/** Rejects with ApiError `conflict` (409) when the username is taken. */
export async function createAccount(body: CreateAccountBody): Promise<Account> {
  const answer = await requestJson('/api/accounts', accountAnswerSchema, { method: 'POST', body });
  return answer.account;
}

/** Changes the display name, role, disabled flag or password of one account. */
export async function updateAccount(id: string, body: PatchAccountBody): Promise<Account> {
  const answer = await requestJson(`/api/accounts/${encodeURIComponent(id)}`, accountAnswerSchema, {
    method: 'PATCH',
    body,
  });
  return answer.account;
}
