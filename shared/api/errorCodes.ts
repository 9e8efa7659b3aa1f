import { z } from 'zod/mini';

/** Machine-readable error codes of the REST API; the HTTP status goes with each. */
export const ERROR_CODES = {
  badRequest: 'bad_request',
  validationFailed: 'validation_failed',
  /** A flag's start or end does not decode, or does not point into the draft's `body`. */
  invalidAnchor: 'invalid_anchor',
  notFound: 'not_found',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  emptyImport: 'empty_import',
  unauthorized: 'unauthorized',
  invalidCredentials: 'invalid_credentials',
  forbidden: 'forbidden',
  crossSiteRequest: 'cross_site_request',
  conflict: 'conflict',
  tooManyRequests: 'too_many_requests',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * Every non-2xx answer of the API has this body. `details`, when present, is
 * structured data about the failure for clients to show (its shape depends on
 * the call: a refused sign-off sends `{ openLegalFlags: [{ id, kind, quote, status }] }`).
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.record(z.string(), z.unknown())),
    requestId: z.optional(z.string()),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
