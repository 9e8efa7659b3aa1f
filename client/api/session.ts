import { sessionAnswerSchema, type AccountSummary, type SignInBody } from '../../shared/api/auth.ts';
import { ERROR_CODES } from '../../shared/api/errorCodes.ts';
import { ApiError } from './ApiError.ts';
import { requestJson, requestNoContent } from './request.ts';

/**
 * Who is signed in in this browser (the session cookie), or null when nobody
 * is (401). Rejects with ApiError for anything else, `network_error` included.
 */
export async function findSession(signal?: AbortSignal): Promise<AccountSummary | null> {
  try {
    const answer = await requestJson('/api/session', sessionAnswerSchema, { signal });
    return answer.account;
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 401) return null;
    throw caught;
  }
}

/**
 * Signs in; the server sets the session cookie. Rejects with ApiError
 * `invalid_credentials` (401) for a wrong username or password and
 * `too_many_requests` (429, with `retryAfterSeconds`) after too many tries.
 */
export async function signIn(body: SignInBody): Promise<AccountSummary> {
  const answer = await requestJson('/api/session', sessionAnswerSchema, { method: 'POST', body });
  return answer.account;
}

/** Ends the session on the server. Resolves when it is gone or was already gone (401). */
export async function signOut(): Promise<void> {
  try {
    await requestNoContent('/api/session', { method: 'DELETE' });
  } catch (caught) {
    if (caught instanceof ApiError && caught.code === ERROR_CODES.unauthorized) return;
    throw caught;
  }
}
