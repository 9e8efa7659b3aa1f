import { expect } from 'vitest';
import { errorBodySchema, type ErrorBody } from '../../shared/api/errorCodes.ts';

/** Asserts an error answer: its status, its code, and a message a person can read; returns the error for further checks. */
export async function expectError(res: Response, status: number, code: string): Promise<ErrorBody['error']> {
  const text = await res.text();
  expect({ status: res.status, body: text }).toMatchObject({ status });
  const body = errorBodySchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

/** A fetch init with a JSON body. */
export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
