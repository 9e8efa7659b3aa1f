import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { InboxItemView } from '../../../shared/api/annotationAnswers.ts';
import { ApiError } from '../../api/ApiError.ts';
import { listInbox, markInboxItemRead, markInboxRead } from '../../api/inbox.ts';
import { Link } from '../../app/Link.tsx';
import { flagPath } from '../../app/router.ts';
import { Icon } from '../../ui/Icon.tsx';
import { formatTime } from '../annotations/flagText.ts';
import '../../styles/annotations.css';

/** How often the unread count is fetched again while the page is open. */
const INBOX_POLL_MS = 30_000;

type InboxState =
  | { status: 'loading' }
  | { status: 'loaded'; items: InboxItemView[]; unread: number }
  | { status: 'error'; message: string }
  /** The server has no inbox (404): the button hides. */
  | { status: 'absent' };

/**
 * The top bar's inbox: a button with the unread count opening a small panel
 * of mentions and assignments, newest first. Each links to its flag
 * (`/docs/:id#flag-<id>`), which opens the thread; following it marks it read.
 * A disclosure like the account menu: Escape or a click outside closes it.
 */
export function InboxButton() {
  const [state, setState] = useState<InboxState>({ status: 'loading' });
  const [isOpen, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const refresh = useCallback(async (signal?: AbortSignal) => {
    try {
      const inbox = await listInbox(signal);
      setState({ status: 'loaded', items: inbox.items, unread: inbox.unread });
    } catch (caught) {
      if (signal?.aborted) return;
      if (caught instanceof ApiError && caught.status === 404) setState({ status: 'absent' });
      else setState({ status: 'error', message: caught instanceof ApiError ? caught.message : 'something went wrong.' });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void refresh(controller.signal);
    const timer = setInterval(() => void refresh(controller.signal), INBOX_POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [refresh]);

  useEffect(() => {
    if (!isOpen) return;
    void refresh();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [isOpen, refresh]);

  if (state.status === 'absent') return null;
  const unread = state.status === 'loaded' ? state.unread : 0;

  const onFollow = (item: InboxItemView) => {
    setOpen(false);
    if (!item.read) void markInboxItemRead(item.id).then(() => refresh(), () => {});
  };

  return (
    <div ref={rootRef} className="inbox">
      <button
        ref={buttonRef}
        type="button"
        className="button button--quiet inbox__button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
      >
        <Icon name="inbox" />
        <span className="visually-hidden">Inbox, </span>
        {unread > 0 ? (
          <span className="inbox__count">
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        ) : (
          <span className="visually-hidden">nothing unread</span>
        )}
      </button>
      <div id={panelId} className="inbox__panel" hidden={!isOpen}>
        <div className="inbox__head">
          <h2 className="inbox__title">Inbox</h2>
          {unread > 0 && (
            <button type="button" className="button button--quiet button--small" onClick={() => void markInboxRead().then(() => refresh(), () => {})}>
              <Icon name="check" />
              Mark all read
            </button>
          )}
        </div>
        {state.status === 'loading' && <p className="muted inbox__empty">Loading…</p>}
        {state.status === 'error' && (
          <p className="field__error inbox__empty" role="alert">
            Could not load the inbox: {state.message}
          </p>
        )}
        {state.status === 'loaded' && state.items.length === 0 && <p className="muted inbox__empty">No mentions or assignments.</p>}
        {state.status === 'loaded' && state.items.length > 0 && (
          <ul className="inbox__items">
            {state.items.map((item) => (
              <li key={item.id}>
                <Link
                  to={flagPath(item.draftId, item.flagId)}
                  className={item.read ? 'inbox__item' : 'inbox__item inbox__item--unread'}
                  onClick={() => onFollow(item)}
                >
                  <span className="inbox__line">
                    {!item.read && <span className="inbox__dot" aria-hidden="true" />}
                    <strong>{item.by.name}</strong>&nbsp;{item.kind === 'mention' ? 'mentioned you' : 'assigned you a flag'}
                    {!item.read && <span className="visually-hidden"> (unread)</span>}
                  </span>
                  <span className="inbox__draft">
                    in “{item.draftTitle || 'a deleted draft'}” · {formatTime(item.at)}
                    {item.draftState === 'spiked' && (
                      <span className="inbox__spiked">
                        <Icon name="spike" />
                        Spiked: it will not run
                      </span>
                    )}
                  </span>
                  {item.excerpt && <span className="inbox__excerpt">{item.excerpt}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
