import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import { getDesk, listSignoffs, type DeskView, type SignoffView } from '../../api/versions.ts';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useDeskRootRevisions } from '../../editor/collab/useDraftSession.ts';

/** After an edit to a signed-off draft, ask again this long after the typing stops. */
const CHANGED_CHECK_DELAY_MS = 1200;

export interface DeskSnapshot {
  /** Null until the first answer. */
  desk: DeskView | null;
  /** Newest first. */
  signoffs: SignoffView[];
  error: ApiError | null;
  /** Reads both again now (after this person changed something). */
  refresh: () => void;
}

/**
 * The draft's desk state, lock and sign-offs, over REST, read again whenever
 * the server writes one of the desk's root types (a sign-off, a lock, a state
 * change by anyone: they arrive live through the session), and after an edit
 * to a signed-off draft (which turns it into "changed since sign-off").
 */
export function useDesk(draftId: string, session: DraftSession | null): DeskSnapshot {
  const [desk, setDesk] = useState<DeskView | null>(null);
  const [signoffs, setSignoffs] = useState<SignoffView[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [asked, setAsked] = useState(0);
  const revisions = useRevisionKey(session);

  useEffect(() => {
    const controller = new AbortController();
    // A burst (sign-off, lock and state in a row) makes one pair of requests.
    const timer = setTimeout(() => {
      Promise.all([getDesk(draftId, controller.signal), listSignoffs(draftId, controller.signal)]).then(
        ([nextDesk, nextSignoffs]) => {
          setDesk(nextDesk);
          setSignoffs(nextSignoffs);
          setError(null);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(caught instanceof ApiError ? caught : new ApiError('internal_error', String(caught), 0));
        },
      );
    }, 80);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draftId, revisions, asked]);

  // A signed-off draft that is edited: the server flips it to "changed since sign-off".
  const isSignedOff = desk?.state === 'signed-off';
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!session || !isSignedOff) return;
    const onChange = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setAsked((n) => n + 1), CHANGED_CHECK_DELAY_MS);
    };
    session.body.observeDeep(onChange);
    return () => {
      session.body.unobserveDeep(onChange);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [session, isSignedOff]);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { desk, signoffs, error, refresh };
}

function useRevisionKey(session: DraftSession | null): string {
  const revisions = useDeskRootRevisions(session);
  return Object.entries(revisions)
    .map(([name, count]) => `${name}:${count}`)
    .join(',');
}
