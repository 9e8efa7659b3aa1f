import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorCode } from '../shared/api/errorCodes.ts';

/**
 * An expected failure: a bad request, a missing draft, a refused import.
 * Routes and commands throw it; the one error handler turns it into
 * `{ error: { code, message, details? } }` with `status`. Anything that is
 * not an AppError is a bug and becomes a 500.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  /** Extra response headers, such as Retry-After. */
  readonly headers: Readonly<Record<string, string>>;
  /** Structured data about the failure, sent as the body's `error.details` (JSON-serializable). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    status: ContentfulStatusCode,
    message: string,
    headers: Record<string, string> = {},
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.headers = headers;
    this.details = details;
  }
}

export const badRequest = (message: string) => new AppError(ERROR_CODES.badRequest, 400, message);
export const validationFailed = (message: string) =>
  new AppError(ERROR_CODES.validationFailed, 400, message);
/** A flag's anchors do not decode or do not point into the copy; the message says which and why. */
export const invalidAnchor = (message: string) => new AppError(ERROR_CODES.invalidAnchor, 400, message);
export const notFound = (message: string) => new AppError(ERROR_CODES.notFound, 404, message);
export const payloadTooLarge = (message: string) =>
  new AppError(ERROR_CODES.payloadTooLarge, 413, message);
export const unsupportedMediaType = (message: string) =>
  new AppError(ERROR_CODES.unsupportedMediaType, 415, message);
export const emptyImport = (message: string) => new AppError(ERROR_CODES.emptyImport, 400, message);
/** No valid session or token came with the request. */
export const unauthorized = (message = 'sign in first') => new AppError(ERROR_CODES.unauthorized, 401, message);
/** Sign-in refused; the message never says whether the username exists. */
export const invalidCredentials = (message = 'wrong username or password') =>
  new AppError(ERROR_CODES.invalidCredentials, 401, message);
/** Signed in, but the role may not do this. */
export const forbidden = (message: string) => new AppError(ERROR_CODES.forbidden, 403, message);
export const crossSiteRequest = (message: string) => new AppError(ERROR_CODES.crossSiteRequest, 403, message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(ERROR_CODES.conflict, 409, message, {}, details);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(ERROR_CODES.tooManyRequests, 429, message, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
