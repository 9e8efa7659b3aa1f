import { createHash, randomBytes } from 'node:crypto';

/** Prefix of API tokens, so secret scanners and people can tell one from a session id. */
export const TOKEN_PREFIX = 'cdk_';

/** 256 random bits, URL-safe: a session id or the secret part of an API token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new API token: the prefix and a fresh secret. Shown to its owner once. */
export function newTokenSecret(): string {
  return TOKEN_PREFIX + newSecret();
}

/**
 * What the store keeps of a session id or token: its SHA-256, in hex. The
 * secrets are random and long, so a plain hash suffices (no salt, no scrypt),
 * and a lookup by hash needs no constant-time comparison.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A short random id for accounts and tokens (96 bits, URL-safe). */
export function newRecordId(): string {
  return randomBytes(12).toString('base64url');
}
