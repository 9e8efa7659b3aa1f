import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest, unsupportedMediaType, validationFailed } from '../appError.ts';

/** Describes zod issues in one line a person can act on: "title: a title cannot be empty". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Reads a JSON body and validates it. Throws 415 for a body that is not JSON,
 * 400 bad_request for JSON that does not parse, 400 validation_failed for JSON
 * that breaks the schema.
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw unsupportedMediaType('send a JSON body (application/json)');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationFailed(describeIssues(parsed.error));
  return parsed.data;
}
