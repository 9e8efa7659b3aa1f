import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import { listDrafts, type ListedDraft } from '../../api/drafts.ts';
import type { DeskState } from '../../api/versions.ts';

export const DRAFT_LIST_REFRESH_MS = 5000;

export interface DraftListState {
  /** Null until the first answer. Kept across failed refreshes, so a blip does not empty the list. */
  drafts: ListedDraft[] | null;
  /** The last refresh's failure, cleared by the next success. */
  error: ApiError | null;
  /** When the list was last fetched successfully; drives relative times. */
  fetchedAt: Date | null;
  refresh: () => void;
}

/**
 * The drafts list, refreshed every DRAFT_LIST_REFRESH_MS while the page is
 * visible (and at once when it becomes visible again). One request at a time:
 * a refresh that comes due while one is in flight waits for the next tick.
 */
export function useDraftList(state: DeskState | null = null): DraftListState {
  const [drafts, setDrafts] = useState<ListedDraft[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fetchedAt, setFetchedAt] = useState<Date | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    if (inFlight.current) return;
    const controller = new AbortController();
    inFlight.current = controller;
    listDrafts(controller.signal, state ?? undefined)
      .then((list) => {
        setDrafts(list);
        setError(null);
        setFetchedAt(new Date());
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError ? caught : new ApiError('internal_error', String(caught), 0));
      })
      .finally(() => {
        if (inFlight.current === controller) inFlight.current = null;
      });
  }, [state]);

  useEffect(() => {
    // A new filter: forget the old list (and any request for it) and ask at once.
    inFlight.current?.abort();
    inFlight.current = null;
    setDrafts(null);
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, DRAFT_LIST_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [refresh]);

  return { drafts, error, fetchedAt, refresh };
}
