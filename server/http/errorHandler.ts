import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorBody } from '../../shared/api/errorCodes.ts';
import { AppError } from '../appError.ts';
import type { Logger } from '../logger.ts';

const errorBody = (code: string, message: string, requestId?: string, details?: Record<string, unknown>): ErrorBody => ({
  error: { code, message, ...(details ? { details } : {}), ...(requestId ? { requestId } : {}) },
});

/**
 * The one place errors become responses. An AppError is expected and answers
 * with its own status and code; anything else is a bug: logged once with the
 * request id, answered 500 without internals.
 */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof AppError) {
      return c.json(errorBody(error.code, error.message, undefined, error.details), error.status, { ...error.headers });
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return c.json(errorBody(status === 413 ? ERROR_CODES.payloadTooLarge : ERROR_CODES.badRequest, error.message), status);
    }
    const requestId = c.get('requestId') as string | undefined;
    logger.error({ err: error, requestId, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json(errorBody(ERROR_CODES.internal, 'internal error', requestId), 500);
  };
}
