import { useState } from 'react';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { Link } from '../../app/Link.tsx';
import { recheckSession } from '../../app/session.ts';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useConnectionState, useOfflineCopy } from '../../editor/collab/useDraftSession.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useShownAfter } from '../../ui/useShownAfter.ts';

/** A dropped connection usually comes back within a few seconds; only then is it worth a note. */
export const UNREACHABLE_NOTICE_AFTER_MS = 5000;

/**
 * A banner when the server has closed the connection for good (4400-4499): what
 * happened, that the copy is now read-only, and what can be done about it.
 * Without a network, or when the server has not answered for a while, a calm
 * note instead: the person is working on this device's copy, which is sent
 * later, and what needs the server meanwhile. A brief drop shows in the pill only.
 */
export function ConnectionNotice({ session }: { session: DraftSession }) {
  const connection = useConnectionState(session);
  const [isDiscarding, setDiscarding] = useState(false);
  const [isChecking, setChecking] = useState(false);
  const isOnlyInThisTab = useOfflineCopy(session) === 'failed';
  const isUnreachable = useShownAfter(
    connection.kind === 'reconnecting' || connection.kind === 'connecting',
    UNREACHABLE_NOTICE_AFTER_MS,
  );
  if (connection.kind === 'offline' || isUnreachable) {
    const headline = connection.kind === 'offline' ? 'You’re offline.' : 'The Copydesk server can’t be reached.';
    if (isOnlyInThisTab) {
      return (
        <p className="note note--banner note--warning connection-note" role="alert" data-connection={connection.kind} data-offline-copy="failed">
          <Icon name="alert" />
          <span>
            <strong>{headline} Keep this tab open.</strong> This browser can’t keep a copy of the draft on this device (its
            storage is full or blocked), so your changes are only in this tab. They are sent as soon as the connection is
            back. Flags, versions and sign-off need the connection.
          </span>
        </p>
      );
    }
    return (
      <p className="note note--banner connection-note" role="status" data-connection={connection.kind}>
        <Icon name="offline" />
        <span>
          <strong>{headline}</strong> You’re working on the copy saved on this device; your changes are kept here and sent
          as soon as the connection is back. Flags, versions and sign-off need the connection.
        </span>
      </p>
    );
  }
  // A lock arriving as this tab sent an edit: the page reopens the draft by itself (EditorPage).
  if (connection.kind !== 'closed' || connection.remedy === 'reopen-locked') return null;

  // Signed in again meanwhile (another tab)? Then a reload reconnects; otherwise the app shows sign-in.
  const signInAgain = async () => {
    setChecking(true);
    if (await recheckSession()) location.reload();
    else setChecking(false);
  };

  const discardAndReload = async () => {
    setDiscarding(true);
    try {
      await session.discardLocalCopy();
    } finally {
      location.reload();
    }
  };

  let explanation = 'This draft is read-only in this tab until it reconnects.';
  if (connection.remedy === 'sign-in') {
    explanation = isOnlyInThisTab
      ? 'Sign in again to reconnect. This browser can’t keep a copy on this device, so anything not yet sent is only in this tab and is lost when it reloads: copy it somewhere safe first.'
      : 'Sign in again to reconnect. Nothing is lost: anything not yet sent stays on this device until then.';
  } else if (connection.closeCode === CLOSE_CODES.forbidden) {
    explanation =
      'The server refused a change to the copy from this tab, so it stopped syncing. Reload a fresh copy to keep reading; the refused change is discarded.';
  }

  return (
    <div className="banner banner--error" role="alert">
      <Icon name="alert" />
      <div className="banner__body">
        <p className="banner__title">{connection.detail}</p>
        <p>{explanation}</p>
      </div>
      <div className="banner__actions">
        {connection.remedy === 'none' && <Link to="/">Back to drafts</Link>}
        {connection.remedy === 'sign-in' && (
          <button type="button" className="button button--primary" onClick={() => void signInAgain()} disabled={isChecking}>
            Sign in again
          </button>
        )}
        {connection.remedy === 'reload' && (
          <button type="button" className="button" onClick={() => location.reload()}>
            Reload
          </button>
        )}
        {connection.remedy === 'discard-and-reload' && (
          <button type="button" className="button" onClick={() => void discardAndReload()} disabled={isDiscarding}>
            Discard this tab's unsaved copy and reload
          </button>
        )}
      </div>
    </div>
  );
}
