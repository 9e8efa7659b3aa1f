import { useEffect, useState } from 'react';
import type { ActivityEntryView } from '../../../shared/api/annotationAnswers.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { ApiError } from '../../api/ApiError.ts';
import { listActivity } from '../../api/annotations.ts';
import { VerifyLog } from './VerifyLog.tsx';
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

/** Desk actions: versions, restores, sign-offs, overrides, the lock and state moves (no flag). */
const DESK_ACTION_WORDS: Record<string, string> = {
  'version-saved': 'saved a version',
  version: 'saved a version',
  'version-created': 'saved a version',
  checkpoint: 'made an automatic checkpoint',
  'checkpoint-saved': 'made an automatic checkpoint',
  'version-checkpoint': 'made an automatic checkpoint',
  restored: 'restored a version',
  'version-restored': 'restored a version',
  'signed-off': 'signed off the draft',
  signoff: 'signed off the draft',
  'signoff-override': 'signed off over open legal-risk flags',
  override: 'signed off over open legal-risk flags',
  locked: 'locked the copy',
  unlocked: 'unlocked the copy',
  'desk-state': 'moved the draft',
  'state-changed': 'moved the draft',
};

/** What a desk entry's detail adds, in words ("“after legal read”", "to legal review", "override: …"). */
function deskDetail(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  const text = (key: string) => (typeof detail[key] === 'string' && detail[key] !== '' ? (detail[key] as string) : null);
  const name = text('name') ?? text('versionName');
  if (name) parts.push(`“${name}”`);
  const state = text('state') ?? text('to');
  if (state) parts.push(`to ${state.replace(/-/g, ' ')}`);
  const override = text('override');
  if (override) parts.push(`— override: ${override}`);
  return parts.join(' ');
}

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
          const words = DESK_ACTION_WORDS[entry.action] ?? entry.action.replace(/-/g, ' ');
          const detail = deskDetail(entry.detail);
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
    </>
  );
}
