import type { z } from 'zod/mini';
import { tokenCreatedSchema, tokenListSchema, type TokenSummary } from '../../shared/api/auth.ts';
import { requestJson, requestNoContent } from './request.ts';

export type CreatedToken = z.infer<typeof tokenCreatedSchema>;

/** The signed-in person's API tokens (never their secrets). */
export async function listTokens(signal?: AbortSignal): Promise<TokenSummary[]> {
  const answer = await requestJson('/api/tokens', tokenListSchema, { signal });
  return answer.tokens;
}

/** Makes a token; the answer's `token` is the secret, which the server never shows again. */
export async function createToken(name?: string): Promise<CreatedToken> {
  return requestJson('/api/tokens', tokenCreatedSchema, { method: 'POST', body: name ? { name } : {} });
}

export async function revokeToken(id: string): Promise<void> {
  await requestNoContent(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
