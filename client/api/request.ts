import type { z } from 'zod';
import { errorBodySchema } from '../../shared/api/errorCodes.ts';
import { ApiError, CLIENT_ERROR_CODES } from './ApiError.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A plain object is sent as JSON; FormData as multipart (the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the API and validates the answer against `schema`. Resolves with the
 * parsed body of a 2xx answer; rejects with an ApiError for anything else: the
 * server's `{ error: { code, message } }` for a 4xx/5xx, `network_error` when no
 * answer came, `invalid_response` when the body breaks the contract. An abort
 * through `signal` rejects with the usual AbortError, not an ApiError.
 */
export async function requestJson<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(CLIENT_ERROR_CODES.network, 'Could not reach the Copydesk server. Check your connection.', 0);
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(CLIENT_ERROR_CODES.invalidResponse, 'The server sent an answer this app does not understand.', response.status);
  }
  return parsed.data;
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
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    return new ApiError(parsed.data.error.code, parsed.data.error.message, response.status);
  }
  const fallback = response.status >= 500 ? 'internal_error' : 'bad_request';
  const message = response.statusText ? `${response.status} ${response.statusText}` : `Request failed (${response.status})`;
  return new ApiError(fallback, message, response.status);
}
