import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useConnectionState, useSaveState } from '../../editor/collab/useDraftSession.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useShownAfter } from '../../ui/useShownAfter.ts';

export interface SaveStatusProps {
  session: DraftSession;
  /** The draft's last stored edit from the REST summary; shown until this tab hears its own ack. */
  serverUpdatedAt: Date | null;
}

/**
 * Every keystroke is unsaved until the server's ack a few milliseconds later;
 * "Saving…" shows only when a save takes longer than this, so the status
 * (a live region) does not flicker or speak on every key.
 */
export const SAVING_SHOWN_AFTER_MS = 1000;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * "All changes saved · 14:03", "Saving…", or "On this device · not sent yet":
 * whether everything this tab holds is stored on the server (SaveTracker),
 * told apart by whether there is a connection to send it over. The true
 * state, without the delay, is in `data-state` (saved, saving, unsaved).
 */
export function SaveStatus({ session, serverUpdatedAt }: SaveStatusProps) {
  const save = useSaveState(session);
  const connection = useConnectionState(session);
  const savedAt = save.lastSavedAt ?? serverUpdatedAt;
  const isSaving = save.hasUnsavedChanges && connection.kind === 'connected';
  const isSlowSave = useShownAfter(isSaving, SAVING_SHOWN_AFTER_MS);
  const state = !save.hasUnsavedChanges ? 'saved' : isSaving ? 'saving' : 'unsaved';

  let text: string;
  let tooltip: string | undefined;
  let modifier: string;
  if (!save.hasUnsavedChanges || (isSaving && !isSlowSave)) {
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
    text = 'On this device · not sent yet';
    tooltip = 'Your changes are kept on this device and sent to the server when the connection is back.';
    modifier = 'unsaved';
  }

  return (
    <div className={`save-status save-status--${modifier}`} role="status" aria-live="polite" title={tooltip} data-state={state}>
      <Icon name={modifier === 'saved' ? 'check' : modifier === 'saving' ? 'saving' : 'alert'} />
      <span>{text}</span>
    </div>
  );
}
