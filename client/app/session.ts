import { useSyncExternalStore } from 'react';
import { accountSummarySchema, type AccountSummary } from '../../shared/api/auth.ts';
import { ApiError } from '../api/ApiError.ts';
import { findSession, signOut as deleteSession } from '../api/session.ts';
import { onUnauthorized } from '../api/unauthorized.ts';
import { clearOfflineApiCache } from './offlineCache.ts';

/** Why nobody is signed in: never was, the session ran out, or the person signed out. */
export type SignedOutReason = 'not-signed-in' | 'expired' | 'signed-out';

export type SessionState =
  /** The first answer of `GET /api/session` has not come yet. */
  | { status: 'checking' }
  /**
   * `isConfirmed` is false when the server could not be reached and the
   * account is the one remembered from the last visit: the app opens (drafts
   * keep working offline) and the server decides once it answers.
   */
  | { status: 'signed-in'; account: AccountSummary; isConfirmed: boolean }
  | { status: 'signed-out'; reason: SignedOutReason }
  /** No answer from the server and no remembered account. */
  | { status: 'unreachable'; error: ApiError };

/**
 * Who was signed in last, so the app can open offline. Not a secret: the
 * session itself is an HttpOnly cookie this code never sees.
 */
const ACCOUNT_KEY = 'copydesk.account';

let state: SessionState = { status: 'checking' };
const listeners = new Set<() => void>();
let checking: Promise<void> | null = null;

function setState(next: SessionState): void {
  state = next;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The sign-in state; re-renders when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}

/**
 * Asks the server who is signed in and updates the state. Concurrent calls
 * share one request. Never rejects: failures become `unreachable` (or the
 * remembered account, unconfirmed).
 */
export function checkSession(): Promise<void> {
  checking ??= (async () => {
    const wasSignedIn = state.status === 'signed-in';
    try {
      const account = await findSession();
      if (account) signedIn(account);
      else signedOut(wasSignedIn ? 'expired' : 'not-signed-in');
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError('internal_error', String(caught), 0);
      const remembered = state.status === 'signed-in' ? state.account : loadRememberedAccount();
      if (error.isNetworkError && remembered) setState({ status: 'signed-in', account: remembered, isConfirmed: false });
      else setState({ status: 'unreachable', error });
    } finally {
      checking = null;
    }
  })();
  return checking;
}

/**
 * Asks the server again after something refused the session (the collab
 * socket's 4401). Resolves true when the server still (or again, say from
 * another tab) knows this browser as signed in; otherwise the state is now
 * signed-out and the app shows the sign-in page.
 */
export async function recheckSession(): Promise<boolean> {
  await checkSession();
  return state.status === 'signed-in' && state.isConfirmed;
}

/**
 * After a successful `POST /api/session`, or when the server names the account.
 * Another account than the one before in this browser: the API answers cached
 * for offline use belong to the previous one, so they go.
 */
export function signedIn(account: AccountSummary): void {
  const previous = state.status === 'signed-in' ? state.account : loadRememberedAccount();
  if (previous?.id !== account.id) void clearOfflineApiCache();
  rememberAccount(account);
  setState({ status: 'signed-in', account, isConfirmed: true });
}

/**
 * Forgets the account in this tab (the server session is already gone, or was
 * never there), with the API answers cached for offline use.
 */
export function signedOut(reason: SignedOutReason): void {
  forgetAccount();
  void clearOfflineApiCache();
  setState({ status: 'signed-out', reason });
}

/** Ends the session on the server, then here. Rejects with ApiError when the server could not be told. */
export async function signOut(): Promise<void> {
  await deleteSession();
  await clearOfflineApiCache();
  signedOut('signed-out');
}

/**
 * Keeps the state true while the app runs: the first check, any 401 from the
 * API (the session expired), the network coming back, and another tab
 * signing in or out. Returns the function that stops watching.
 */
export function watchSession(): () => void {
  void checkSession();
  const stopUnauthorized = onUnauthorized(() => {
    if (state.status === 'signed-in') signedOut('expired');
  });
  const onOnline = () => {
    if (state.status === 'unreachable' || (state.status === 'signed-in' && !state.isConfirmed)) void checkSession();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === ACCOUNT_KEY || event.key === null) void checkSession();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('storage', onStorage);
  return () => {
    stopUnauthorized();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('storage', onStorage);
  };
}

function loadRememberedAccount(): AccountSummary | null {
  try {
    const raw = localStorage.getItem(ACCOUNT_KEY);
    if (raw === null) return null;
    const parsed = accountSummarySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function rememberAccount(account: AccountSummary): void {
  try {
    const raw = JSON.stringify(account);
    // Only write on change: every write wakes the other tabs (storage event).
    if (localStorage.getItem(ACCOUNT_KEY) !== raw) localStorage.setItem(ACCOUNT_KEY, raw);
  } catch {
    // Storage unavailable: the app just cannot open offline next time.
  }
}

function forgetAccount(): void {
  try {
    localStorage.removeItem(ACCOUNT_KEY);
  } catch {
    // Nothing stored.
  }
}
