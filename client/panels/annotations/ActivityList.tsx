import { useEffect, useState } from 'react';
import type { ActivityEntryView } from '../../../shared/api/annotationAnswers.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { ApiError } from '../../api/ApiError.ts';
import { listActivity } from '../../api/annotations.ts';
import { VerifyLog } from './VerifyLog.tsx';
import { shortQuote } from '../../ui/shortQuote.ts';
import { ACTIVITY_QUOTE_CHARS, deskActionWords, deskDetail, flagActionWords } from './activityWords.ts';
import { formatTime } from './flagText.ts';

/**
 * The draft's activity log (who did what to which flag, newest first),
 * fetched when shown and again whenever the flags change.
 */
export function ActivityList({
  draftId,
  flags,
  onShowFlag,
  refreshKey,
}: {
  draftId: string;
  flags: readonly Flag[];
  onShowFlag: (id: string) => void;
  /** Changes when the desk's records change (versions, sign-offs), so their entries show too. */
  refreshKey?: string;
}) {
  const [entries, setEntries] = useState<ActivityEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // A burst of flag changes makes one request.
    const timer = setTimeout(() => {
      listActivity(draftId, controller.signal).then(
        (list) => {
          setEntries(list);
          setError(null);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(caught instanceof ApiError ? caught.message : 'something went wrong.');
        },
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draftId, flags, refreshKey]);

  const quotes = new Map(flags.map((flag) => [flag.id, flag.quote]));
  const verify = <VerifyLog draftId={draftId} />;
  if (error) return <>{verify}<p className="alert" role="alert">Could not load the activity: {error}</p></>;
  if (!entries) return <>{verify}<p className="muted" role="status">Loading the activity…</p></>;
  if (entries.length === 0) return <>{verify}<p className="muted">Nothing has happened in this draft yet.</p></>;
  return (
    <>
    {verify}
    <ol className="activity">
      {entries.map((entry) => {
        const quote = entry.flagId ? quotes.get(entry.flagId) : undefined;
        if (!entry.flagId) {
          const words = deskActionWords(entry.action);
          const detail = deskDetail(entry.action, entry.detail);
          return (
            <li key={entry.id} className="activity__entry activity__entry--desk">
              <span className="activity__time">
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              </span>
              <span>
                <strong>{entry.by?.name ?? 'Copydesk'}</strong> {words}
                {detail && ` ${detail}`}
              </span>
            </li>
          );
        }
        return (
          <li key={entry.id} className="activity__entry">
            <span className="activity__time">
              <time dateTime={entry.at}>{formatTime(entry.at)}</time>
            </span>
            <span>
              <strong>{entry.by?.name ?? 'Copydesk'}</strong> {flagActionWords(entry.action)}{' '}
              {entry.flagId && quote !== undefined ? (
                <button type="button" className="link-button" onClick={() => onShowFlag(entry.flagId!)}>
                  “{shortQuote(quote, ACTIVITY_QUOTE_CHARS)}”
                </button>
              ) : (
                'a flag'
              )}
            </span>
          </li>
        );
      })}
    </ol>
    </>
  );
}
