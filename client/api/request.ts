import type { z } from 'zod/mini';
import { ERROR_CODES, errorBodySchema } from '../../shared/api/errorCodes.ts';
import { ApiError, CLIENT_ERROR_CODES } from './ApiError.ts';
import { reportUnauthorized } from './unauthorized.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A plain object is sent as JSON; FormData as multipart (the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the API and validates the answer against `schema`. Resolves with the
 * parsed body of a 2xx answer; rejects with an ApiError for anything else: the
 * server's `{ error: { code, message, details? } }` for a 4xx/5xx, `network_error` when no
 * answer came, `invalid_response` when the body breaks the contract. An abort
 * through `signal` rejects with the usual AbortError, not an ApiError.
 * A 401 `unauthorized` is also reported through `onUnauthorized` (the session is gone).
 */
export async function requestJson<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(CLIENT_ERROR_CODES.invalidResponse, 'The server sent an answer this app does not understand.', response.status);
  }
  return parsed.data;
}

/** Like requestJson for calls that answer 204 (or any 2xx whose body does not matter); resolves with nothing. */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  if (!response.ok) throw toApiError(response, await readJson(response));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    const isOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const message = isOffline
      ? 'You’re offline, and this needs the Copydesk server. Try again when you’re back online.'
      : 'Could not reach the Copydesk server. Check your connection.';
    throw new ApiError(CLIENT_ERROR_CODES.network, message, 0);
  }
}

/** The body as JSON, or undefined when it is empty or not JSON. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const parsed = errorBodySchema.safeParse(payload);
  let error: ApiError;
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    error = new ApiError(code, forbiddenMessage(code) ?? message, response.status, retryAfter, details ?? null);
  } else {
    const fallback =
      response.status === 401 ? ERROR_CODES.unauthorized : response.status >= 500 ? ERROR_CODES.internal : ERROR_CODES.badRequest;
    const message = response.statusText ? `${response.status} ${response.statusText}` : `Request failed (${response.status})`;
    error = new ApiError(fallback, message, response.status, retryAfter);
  }
  if (error.status === 401 && error.code === ERROR_CODES.unauthorized) reportUnauthorized();
  return error;
}

/** Plain words for a 403, whatever the server's wording (which names actions, not what the person tried). */
function forbiddenMessage(code: string): string | null {
  if (code === ERROR_CODES.forbidden) return 'Your account’s role does not allow this.';
  if (code === ERROR_CODES.crossSiteRequest) return 'The server refused the request as coming from another site. Reload the page and try again.';
  return null;
}

/**
 * Retry-After in whole seconds (at least 1): either a number of seconds or an
 * HTTP date. Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(1, Math.ceil((date - now) / 1000));
}
