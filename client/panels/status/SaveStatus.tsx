import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useConnectionState, useSaveState } from '../../editor/collab/useDraftSession.ts';
import { Icon } from '../../ui/Icon.tsx';

export interface SaveStatusProps {
  session: DraftSession;
  /** The draft's last stored edit from the REST summary; shown until this tab hears its own ack. */
  serverUpdatedAt: Date | null;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * "All changes saved · 14:03", "Saving…", or "Unsaved changes (offline)":
 * whether everything this tab holds is stored on the server (SaveTracker),
 * told apart by whether there is a connection to send it over.
 */
export function SaveStatus({ session, serverUpdatedAt }: SaveStatusProps) {
  const save = useSaveState(session);
  const connection = useConnectionState(session);
  const savedAt = save.lastSavedAt ?? serverUpdatedAt;

  let text: string;
  let tooltip: string | undefined;
  let modifier: string;
  if (!save.hasUnsavedChanges) {
    text = savedAt ? `All changes saved · ${timeFormat.format(savedAt)}` : 'All changes saved';
    tooltip = savedAt ? `Saved on the server ${fullFormat.format(savedAt)}` : undefined;
    modifier = 'saved';
  } else if (connection.kind === 'connected') {
    text = 'Saving…';
    modifier = 'saving';
  } else if (connection.kind === 'closed') {
    text = 'Unsaved changes (not sent)';
    tooltip = 'The server closed the connection, so these changes have not been sent. They are kept on this device.';
    modifier = 'unsaved';
  } else {
    text = 'Unsaved changes (offline)';
    tooltip = 'Your changes are kept on this device and sent to the server when the connection is back.';
    modifier = 'unsaved';
  }

  return (
    <div className={`save-status save-status--${modifier}`} role="status" aria-live="polite" title={tooltip}>
      <Icon name={modifier === 'saved' ? 'check' : modifier === 'saving' ? 'saving' : 'alert'} />
      <span>{text}</span>
    </div>
  );
}
