import { memo, useId, useMemo, useState } from 'react';
import { FLAG_KIND_NAMES, FLAG_STATUSES, type FlagKind, type FlagStatus } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { FLAG_KIND_WORDS } from '../../editor/flags/flagKindWords.ts';
import type { FlagLayout } from '../../editor/flags/flagLayout.ts';
import { Icon } from '../../ui/Icon.tsx';
import { formatTime } from './flagText.ts';
import { KindBadge } from './KindBadge.tsx';

export interface FlagListProps {
  flags: readonly Flag[];
  layout: FlagLayout;
  hoveredFlagId: string | null;
  onHoverFlag: (id: string | null) => void;
  onShowFlag: (id: string) => void;
}

/** Replies after the first comment, deleted ones not counted. */
export const replyCount = (flag: Flag) => Math.max(0, flag.comments.filter((comment) => !comment.deleted).length - 1);
export const isChangedAfterClearance = (flag: Flag) => flag.events.some((event) => event.action === 'changed-after-clearance');

/**
 * Every flag in document order, filtered by kind, status and author. Each is
 * one button: it opens the thread and selects the flagged text; hovering it
 * lights up the span in the copy.
 */
export function FlagList({ flags, layout, hoveredFlagId, onHoverFlag, onShowFlag }: FlagListProps) {
  const [kind, setKind] = useState<FlagKind | 'all'>('all');
  const [status, setStatus] = useState<FlagStatus | 'all'>(FLAG_STATUSES.open);
  const [author, setAuthor] = useState('all');
  const filterId = useId();

  const authors = useMemo(() => {
    const names = new Map<string, string>();
    for (const flag of flags) names.set(flag.createdBy.id, flag.createdBy.name);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [flags]);

  const placed = useMemo(() => new Set(layout.order), [layout]);
  const ordered = useMemo(() => {
    const byId = new Map(flags.map((flag) => [flag.id, flag]));
    const inOrder = layout.order.map((id) => byId.get(id)).filter((flag) => flag !== undefined);
    // Flags the layout has not placed yet (just arrived) go last until it has.
    return [...inOrder, ...flags.filter((flag) => !placed.has(flag.id))];
  }, [flags, layout, placed]);

  const shown = ordered.filter(
    (flag) =>
      (kind === 'all' || flag.kind === kind) &&
      (status === 'all' || flag.status === status) &&
      (author === 'all' || flag.createdBy.id === author),
  );

  return (
    <div className="flag-list">
      <fieldset className="flag-filters">
        <legend className="visually-hidden">Filter flags</legend>
        <label className="flag-filters__field" htmlFor={`${filterId}-kind`}>
          <span>Kind</span>
          <select id={`${filterId}-kind`} className="field__input field__input--compact" value={kind} onChange={(e) => setKind(e.target.value as FlagKind | 'all')}>
            <option value="all">All kinds</option>
            {FLAG_KIND_NAMES.map((name) => (
              <option key={name} value={name}>
                {FLAG_KIND_WORDS[name].label}
              </option>
            ))}
          </select>
        </label>
        <label className="flag-filters__field" htmlFor={`${filterId}-status`}>
          <span>Status</span>
          <select id={`${filterId}-status`} className="field__input field__input--compact" value={status} onChange={(e) => setStatus(e.target.value as FlagStatus | 'all')}>
            <option value="all">Any status</option>
            <option value={FLAG_STATUSES.open}>Open</option>
            <option value={FLAG_STATUSES.resolved}>Resolved</option>
          </select>
        </label>
        <label className="flag-filters__field" htmlFor={`${filterId}-author`}>
          <span>Flagged by</span>
          <select id={`${filterId}-author`} className="field__input field__input--compact" value={author} onChange={(e) => setAuthor(e.target.value)}>
            <option value="all">Anyone</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p className="flag-list__count" role="status">
        {shown.length === ordered.length ? `${shown.length} flags` : `${shown.length} of ${ordered.length} flags shown`}
      </p>
      {shown.length === 0 ? (
        <p className="flag-list__empty muted">
          {ordered.length === 0 ? 'No flags yet. Select text in the copy and flag it from the toolbar.' : 'No flag matches these filters.'}
        </p>
      ) : (
        <ol className="flag-list__items">
          {shown.map((flag) => (
            <li key={flag.id}>
              <FlagCard
                flag={flag}
                isRemoved={placed.has(flag.id) && !layout.ranges.get(flag.id)}
                isHovered={hoveredFlagId === flag.id}
                onHover={onHoverFlag}
                onShow={onShowFlag}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

interface FlagCardProps {
  flag: Flag;
  isRemoved: boolean;
  isHovered: boolean;
  onHover: (id: string | null) => void;
  onShow: (id: string) => void;
}

/**
 * Memoized: a draft can hold hundreds of flags, and the list renders again
 * whenever the layout is recomputed; only cards whose flag or state changed
 * need to. Their callbacks must therefore be stable.
 */
const FlagCard = memo(function FlagCard({ flag, isRemoved, isHovered, onHover, onShow }: FlagCardProps) {
  const replies = replyCount(flag);
  const isResolved = flag.status === FLAG_STATUSES.resolved;
  return (
    <button
      type="button"
      className={`flag-card flag-card--${flag.kind}${isHovered ? ' flag-card--hovered' : ''}${isResolved ? ' flag-card--resolved' : ''}`}
      data-flag-card={flag.id}
      onMouseEnter={() => onHover(flag.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(flag.id)}
      onBlur={() => onHover(null)}
      onClick={() => onShow(flag.id)}
    >
      <span className="flag-card__meta">
        <KindBadge kind={flag.kind} />
        <span className={`status-tag status-tag--${flag.status}`}>
          <Icon name={isResolved ? 'check' : 'flag'} />
          {isResolved ? 'Resolved' : 'Open'}
        </span>
      </span>
      <span className={isRemoved ? 'flag-card__quote flag-card__quote--removed' : 'flag-card__quote'}>“{flag.quote}”</span>
      {isRemoved && (
        <span className="flag-card__warning">
          <Icon name="alert" />
          Flagged text removed
        </span>
      )}
      {isChangedAfterClearance(flag) && (
        <span className="flag-card__warning">
          <Icon name="alert" />
          Changed after clearance
        </span>
      )}
      <span className="flag-card__foot">
        <span>
          {flag.createdBy.name} · {formatTime(flag.createdAt)}
        </span>
        <span>
          <Icon name="message" /> {replies} {replies === 1 ? 'reply' : 'replies'}
          {flag.assignee && <> · for {flag.assignee.name}</>}
        </span>
      </span>
    </button>
  );
});
