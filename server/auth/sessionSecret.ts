import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newSecret } from './credentialSecrets.ts';

/** Where a generated secret is kept, next to the database. */
export const SESSION_SECRET_FILE = 'session-secret';
const MIN_SECRET_CHARS = 32;

/**
 * Outside production, when SESSION_SECRET is unset: the secret kept in
 * DATA_DIR/session-secret, created (mode 0600) on first use, so sessions
 * survive restarts. Throws, naming the file, when it exists but is unusable.
 */
export function loadOrCreateSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, SESSION_SECRET_FILE);
  try {
    // `wx` fails if the file exists, so two processes starting at once keep the first one's secret.
    writeFileSync(file, newSecret() + newSecret() + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_CHARS) {
    throw new Error(`${file} holds no usable session secret: delete it (everyone signs in again) or set SESSION_SECRET`);
  }
  return secret;
}
