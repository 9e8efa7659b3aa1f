import { useEffect, useState } from 'react';
import type { ActivityEntryView } from '../../../shared/api/annotationAnswers.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { ApiError } from '../../api/ApiError.ts';
import { listActivity } from '../../api/annotations.ts';
import { formatTime } from './flagText.ts';

const ACTION_WORDS: Record<string, string> = {
  created: 'flagged',
  commented: 'commented on',
  'comment-edited': 'edited a comment on',
  'comment-deleted': 'deleted a comment on',
  resolved: 'resolved',
  reopened: 'reopened',
  fields: 'updated the details of',
  assigned: 'assigned',
  'changed-after-clearance': 'changed cleared text of',
};

/**
 * The draft's activity log (who did what to which flag, newest first),
 * fetched when shown and again whenever the flags change.
 */
export function ActivityList({ draftId, flags, onShowFlag }: { draftId: string; flags: readonly Flag[]; onShowFlag: (id: string) => void }) {
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
  }, [draftId, flags]);

  const quotes = new Map(flags.map((flag) => [flag.id, flag.quote]));
  if (error) return <p className="alert" role="alert">Could not load the activity: {error}</p>;
  if (!entries) return <p className="muted" role="status">Loading the activity…</p>;
  if (entries.length === 0) return <p className="muted">Nothing has happened to the flags of this draft yet.</p>;
  return (
    <ol className="activity">
      {entries.map((entry) => {
        const quote = entry.flagId ? quotes.get(entry.flagId) : undefined;
        return (
          <li key={entry.id} className="activity__entry">
            <span className="activity__time">
              <time dateTime={entry.at}>{formatTime(entry.at)}</time>
            </span>
            <span>
              <strong>{entry.by?.name ?? 'Copydesk'}</strong> {ACTION_WORDS[entry.action] ?? entry.action}{' '}
              {entry.flagId && quote !== undefined ? (
                <button type="button" className="link-button" onClick={() => onShowFlag(entry.flagId!)}>
                  “{quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”
                </button>
              ) : (
                'a flag'
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
