import { expect } from 'vitest';
import { errorBodySchema } from '../../shared/api/errorCodes.ts';

/** Asserts an error answer: its status, its code, and a message a person can read. */
export async function expectError(res: Response, status: number, code: string): Promise<void> {
  const text = await res.text();
  expect({ status: res.status, body: text }).toMatchObject({ status });
  const body = errorBodySchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

/** A fetch init with a JSON body. */
export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
