/**
 * The REST client reports here whenever the server answers 401 `unauthorized`
 * (no session, or it has expired), so the app can send the person to sign in
 * whatever call noticed it. A wrong password (`invalid_credentials`) is not reported.
 */
const listeners = new Set<() => void>();

/** Calls `listener` after every 401 `unauthorized`; returns the unsubscribe function. */
export function onUnauthorized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportUnauthorized(): void {
  for (const listener of [...listeners]) listener();
}
