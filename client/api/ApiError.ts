import type { ErrorCode } from '../../shared/api/errorCodes.ts';

/** Codes the client makes itself, when there is no usable answer from the server. */
export const CLIENT_ERROR_CODES = {
  /** The request never got an answer (offline, server down, connection reset). */
  network: 'network_error',
  /** The server answered with a body that does not match the contract. */
  invalidResponse: 'invalid_response',
} as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];

/**
 * Every failed REST call ends as an ApiError. `status` is the HTTP status, or 0
 * when there was no answer at all. `code` is the server's error code when it
 * sent one (`shared/api/errorCodes.ts`), otherwise one of CLIENT_ERROR_CODES;
 * it stays a plain string so a newer server's codes still come through.
 */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly status: number;
  /** Seconds to wait before trying again (a 429's Retry-After), or null when the server gave none. */
  readonly retryAfterSeconds: number | null;
  /** The server's structured `error.details`, when it sent any (read it with the call's own schema). */
  readonly details: Readonly<Record<string, unknown>> | null;

  constructor(
    code: string,
    message: string,
    status: number,
    retryAfterSeconds: number | null = null,
    details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = details;
  }

  get isNetworkError(): boolean {
    return this.code === CLIENT_ERROR_CODES.network;
  }

  /** 403: signed in, but this account's role may not do it (or the request looked cross-site). */
  get isForbidden(): boolean {
    return this.status === 403;
  }
}
