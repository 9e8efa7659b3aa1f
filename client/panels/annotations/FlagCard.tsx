import { memo } from 'react';
import { FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { ClaimCheckTag } from './ClaimCheckTag.tsx';
import { formatTime } from './flagText.ts';
import { KindBadge } from './KindBadge.tsx';

/** Replies after the first comment, deleted ones not counted. */
export const replyCount = (flag: Flag) => Math.max(0, flag.comments.filter((comment) => !comment.deleted).length - 1);
export const isChangedAfterClearance = (flag: Flag) => flag.events.some((event) => event.action === 'changed-after-clearance');

export interface FlagCardProps {
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
export const FlagCard = memo(function FlagCard({ flag, isRemoved, isHovered, onHover, onShow }: FlagCardProps) {
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
        <ClaimCheckTag flag={flag} />
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
