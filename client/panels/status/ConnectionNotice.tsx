import { useState } from 'react';
import { Link } from '../../app/Link.tsx';
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
  if (connection.kind !== 'closed') return null;

  const discardAndReload = async () => {
    setDiscarding(true);
    try {
      await session.discardLocalCopy();
    } finally {
      location.reload();
    }
  };

  return (
    <div className="banner banner--error" role="alert">
      <Icon name="alert" />
      <div className="banner__body">
        <p className="banner__title">{connection.detail}</p>
        <p>This draft is read-only in this tab until it reconnects.</p>
      </div>
      <div className="banner__actions">
        {connection.remedy === 'none' && <Link to="/">Back to drafts</Link>}
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
