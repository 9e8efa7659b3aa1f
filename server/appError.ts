import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorCode } from '../shared/api/errorCodes.ts';

/**
 * An expected failure: a bad request, a missing draft, a refused import.
 * Routes and commands throw it; the one error handler turns it into
 * `{ error: { code, message } }` with `status`. Anything that is not an
 * AppError is a bug and becomes a 500.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;

  constructor(code: ErrorCode, status: ContentfulStatusCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
  }
}

export const badRequest = (message: string) => new AppError(ERROR_CODES.badRequest, 400, message);
export const validationFailed = (message: string) =>
  new AppError(ERROR_CODES.validationFailed, 400, message);
export const notFound = (message: string) => new AppError(ERROR_CODES.notFound, 404, message);
export const payloadTooLarge = (message: string) =>
  new AppError(ERROR_CODES.payloadTooLarge, 413, message);
export const unsupportedMediaType = (message: string) =>
  new AppError(ERROR_CODES.unsupportedMediaType, 415, message);
export const emptyImport = (message: string) => new AppError(ERROR_CODES.emptyImport, 400, message);
