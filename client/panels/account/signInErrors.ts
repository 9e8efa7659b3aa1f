import { ERROR_CODES } from '../../../shared/api/errorCodes.ts';
import { ApiError } from '../../api/ApiError.ts';

/**
 * "Too many attempts — try again in 3 minutes" for a 429's Retry-After,
 * rounded up to whole minutes (at least one); without a Retry-After, "later".
 */
export function tooManyAttemptsMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null) return 'Too many attempts — try again later.';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts — try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** What the sign-in form says when signing in failed. */
export function signInErrorMessage(caught: unknown): string {
  if (!(caught instanceof ApiError)) return 'Something went wrong. Try again.';
  // The server's own words ("wrong username or password", "this account is disabled; ask an admin").
  if (caught.code === ERROR_CODES.invalidCredentials) return toSentence(caught.message || 'wrong username or password');
  if (caught.code === ERROR_CODES.tooManyRequests || caught.status === 429) return tooManyAttemptsMessage(caught.retryAfterSeconds);
  if (caught.isNetworkError) return caught.message;
  return `Could not sign in: ${caught.message}`;
}

function toSentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
