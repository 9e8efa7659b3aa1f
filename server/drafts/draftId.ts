import { randomBytes } from 'node:crypto';

/** A new draft id: 16 URL-safe characters (96 random bits), matching DRAFT_ID_PATTERN. */
export function newDraftId(): string {
  return randomBytes(12).toString('base64url');
}
