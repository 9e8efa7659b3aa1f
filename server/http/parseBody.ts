import type { Context } from 'hono';
import { z } from 'zod';
import { badRequest, unsupportedMediaType, validationFailed } from '../appError.ts';
import '../validationMessages.ts';

/** Describes zod issues in one line a person can act on: "title: a title cannot be empty". */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Reads a JSON body and validates it. Throws 415 for a body that is not JSON,
 * 400 bad_request for JSON that does not parse, 400 validation_failed for JSON
 * that breaks the schema.
 */
export async function parseJsonBody<T extends z.core.$ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw unsupportedMediaType('send a JSON body (application/json)');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) throw validationFailed(describeIssues(parsed.error));
  return parsed.data;
}
