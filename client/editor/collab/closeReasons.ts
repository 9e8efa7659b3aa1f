import { CLOSE_CODES, isPermanentCloseCode } from '../../../shared/protocol/closeCodes.ts';

/** What the person can do about a closed connection. */
export type CloseRemedy =
  /** Nothing here; go back to the drafts list. */
  | 'none'
  /** Reload the page; the local copy is kept and merged. */
  | 'reload'
  /** The session ended (4401): sign in again; the local copy is kept and sent afterwards. */
  | 'sign-in'
  /** The server refused this tab's edits: throw the local copy away and load the draft afresh. */
  | 'discard-and-reload'
  /**
   * 4403 because a chief locked the copy (CS19) as this tab sent an edit: not
   * an error to show. The refused edit is thrown away and the draft opened
   * afresh, locked; the page does it by itself.
   */
  | 'reopen-locked';

export interface CloseDescription {
  message: string;
  remedy: CloseRemedy;
}

/**
 * Words for a permanent close (4400-4499): the provider has stopped and will not
 * reconnect by itself. Unknown codes in the range get a generic message.
 */
export function describePermanentClose(code: number, reason = ''): CloseDescription {
  if (code === CLOSE_CODES.forbidden && isLockReason(reason)) {
    return { message: 'The copy was locked on sign-off', remedy: 'reopen-locked' };
  }
  switch (code) {
    case CLOSE_CODES.draftNotFound:
      return { message: 'This draft does not exist, or it has been deleted.', remedy: 'none' };
    case CLOSE_CODES.unauthorized:
      return { message: 'Your session has ended — sign in again', remedy: 'sign-in' };
    case CLOSE_CODES.forbidden:
      // The server refused a change to the copy: this tab's copy now holds it, so only a fresh one can sync.
      return { message: 'This account cannot change the copy', remedy: 'discard-and-reload' };
    case CLOSE_CODES.malformedMessage:
    case CLOSE_CODES.invalidUpdate:
    case CLOSE_CODES.messageTooLarge:
      return {
        message:
          code === CLOSE_CODES.messageTooLarge
            ? 'An edit was too large for the server to accept, so this tab stopped syncing.'
            : 'The server refused an edit from this tab, so it stopped syncing.',
        remedy: 'discard-and-reload',
      };
    default:
      return { message: `The server closed the connection (code ${code}).`, remedy: 'reload' };
  }
}

/**
 * Words for a transient close while the provider retries, or null when the code
 * needs no explanation beyond "reconnecting" (normal closes, network drops).
 */
export function describeTransientClose(code: number): string | null {
  if (isPermanentCloseCode(code)) return null;
  switch (code) {
    case CLOSE_CODES.draftUnavailable:
      return 'The draft is temporarily unavailable on the server.';
    case CLOSE_CODES.storageFailed:
      return 'The server could not store the latest edits; they are kept here and sent again.';
    case CLOSE_CODES.goingAway:
      return 'The server is restarting.';
    case CLOSE_CODES.tooSlow:
      return 'The connection was too slow to keep up; reconnecting.';
    default:
      return null;
  }
}

/** The server names rule CS19 (a locked copy takes no edits) in its close reason. */
export function isLockReason(reason: string): boolean {
  return /\bCS19\b|\blocked\b/i.test(reason);
}
