import { useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useOfflineCopy } from '../../editor/collab/useDraftSession.ts';
import { Icon } from '../../ui/Icon.tsx';
import { SaveIndicator } from './SaveIndicator.ts';

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

/** Said wherever unsent changes would otherwise be called safe on this device. */
export const ONLY_IN_THIS_TAB =
  'This browser can’t keep a copy of the draft on this device (its storage is full or blocked), so these changes are only in this tab: keep it open until they are sent.';

/**
 * "All changes saved · 14:03", "Saving…", or "On this device · not sent yet":
 * whether everything this tab holds is stored on the server (SaveTracker),
 * told apart by whether there is a connection to send it over, and, when not
 * sent, whether this device holds them (the offline copy) or only this tab. The true
 * state, without the delay, is in `data-state` (saved, saving, unsaved), and
 * the offline copy's in `data-offline-copy`.
 * Renders only when what it says changes, not at every keystroke (SaveIndicator).
 */
export function SaveStatus({ session, serverUpdatedAt }: SaveStatusProps) {
  const indicator = useMemo(() => new SaveIndicator(session.saves.state, session.connection.state, SAVING_SHOWN_AFTER_MS), [session]);
  useEffect(() => indicator.start(), [indicator]);
  const { shown, savedAt: lastSavedAt } = useSyncExternalStore(indicator.indication.subscribe, indicator.indication.get);
  const offlineCopy = useOfflineCopy(session);
  const isOnlyInThisTab = offlineCopy === 'failed';
  const element = useRef<HTMLDivElement>(null);
  // Written here, not rendered: it changes twice a keystroke (see SaveIndicator).
  useLayoutEffect(() => {
    const write = () => element.current?.setAttribute('data-state', indicator.trueState.get());
    write();
    return indicator.trueState.subscribe(write);
  }, [indicator]);
  const savedAt = lastSavedAt ?? serverUpdatedAt;

  let text: string;
  let tooltip: string | undefined;
  if (shown === 'saved') {
    text = savedAt ? `All changes saved · ${timeFormat.format(savedAt)}` : 'All changes saved';
    tooltip = savedAt ? `Saved on the server ${fullFormat.format(savedAt)}` : undefined;
  } else if (shown === 'saving') {
    text = 'Saving…';
  } else if (shown === 'closed') {
    text = 'Unsaved changes (not sent)';
    tooltip = `The server closed the connection, so these changes have not been sent. ${
      isOnlyInThisTab ? ONLY_IN_THIS_TAB : 'They are kept on this device.'
    }`;
  } else if (isOnlyInThisTab) {
    text = 'Only in this tab · not sent yet';
    tooltip = `${ONLY_IN_THIS_TAB} They are sent when the connection is back.`;
  } else {
    text = 'On this device · not sent yet';
    tooltip = 'Your changes are kept on this device and sent to the server when the connection is back.';
  }
  const modifier = shown === 'saved' || shown === 'saving' ? shown : 'unsaved';

  return (
    <div
      ref={element}
      className={`save-status save-status--${modifier}`}
      role="status"
      aria-live="polite"
      title={tooltip}
      data-offline-copy={offlineCopy}
    >
      <Icon name={modifier === 'saved' ? 'check' : modifier === 'saving' ? 'saving' : 'alert'} />
      <span>{text}</span>
    </div>
  );
}
