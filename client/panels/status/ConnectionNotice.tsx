import { useState } from 'react';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { Link } from '../../app/Link.tsx';
import { recheckSession } from '../../app/session.ts';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useConnectionState } from '../../editor/collab/useDraftSession.ts';
import { Icon } from '../../ui/Icon.tsx';

/**
 * A banner when the server has closed the connection for good (4400-4499): what
 * happened, that the copy is now read-only, and what can be done about it.
 * Transient trouble shows in the pill only.
 */
export function ConnectionNotice({ session }: { session: DraftSession }) {
  const connection = useConnectionState(session);
  const [isDiscarding, setDiscarding] = useState(false);
  const [isChecking, setChecking] = useState(false);
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
    explanation = 'Sign in again to reconnect. Nothing is lost: anything not yet sent stays on this device until then.';
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
