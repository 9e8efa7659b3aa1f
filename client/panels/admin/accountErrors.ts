import { ApiError } from '../../api/ApiError.ts';

/** "Could not <what>: <the server's message>", the way the admin page reports a refused change. */
export function accountErrorMessage(caught: unknown, what: string): string {
  return `Could not ${what}: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`;
}
