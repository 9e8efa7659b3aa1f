import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import { FLAG_STATUSES, MAX_COMMENT_CHARS } from '../../../shared/annotations/kinds.ts';
import { canComment, canEditComment, canResolve } from '../../../shared/annotations/rules.ts';
import type { Comment, Flag, PersonRef } from '../../../shared/annotations/types.ts';
import { ApiError } from '../../api/ApiError.ts';
import { addComment, deleteComment, editComment, reopenFlag, resolveFlag } from '../../api/annotations.ts';
import type { FlagActivation } from '../../editor/extensions/FlagHighlights.ts';
import type { FlagLayout } from '../../editor/flags/flagLayout.ts';
import { rolesThatCan } from '../../identity/roleLabel.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { CommentText } from './CommentText.tsx';
import { FlagFields } from './FlagFields.tsx';
import { currentFlagText, formatTime } from './flagText.ts';
import type { FlagNeighbours } from './flagFilters.ts';
import { KindBadge } from './KindBadge.tsx';
import { MentionTextarea } from './MentionTextarea.tsx';

export interface FlagThreadProps {
  draftId: string;
  editor: Editor;
  account: AccountSummary;
  flag: Flag;
  layout: FlagLayout;
  people: readonly PersonRef[];
  onBack: () => void;
  /** Selects the flagged text in the copy, and goes there. */
  onSelect: () => void;
  /** The flags listed around this one (the list's filters apply), and a step to one of them. */
  neighbours: FlagNeighbours;
  onStep: (id: string, direction: StepDirection) => void;
  /** Set when this thread was reached by a step: that button takes the focus, so the keys can go on. */
  arrivedBy?: StepDirection | null;
  /**
   * Set when the thread was just opened from the copy: from the keys it takes
   * the focus; from a click or tap, when it is out of sight (a phone-sized
   * window puts the panel below the copy). Then `onArrived`.
   */
  arrivedFrom?: FlagActivation | null;
  onArrived?: () => void;
}

/** A flag opened from the copy, and how. */
export interface ThreadArrival {
  flagId: string;
  how: FlagActivation;
}

export type StepDirection = 'previous' | 'next';

const errorText = (caught: unknown) => (caught instanceof ApiError ? caught.message : 'something went wrong.');

/** One flag: its text, fields, comments with replies, and resolve or reopen as the rules allow. */
export function FlagThread(props: FlagThreadProps) {
  const { draftId, editor, account, flag, layout, people, onBack, onSelect, neighbours, onStep, arrivedBy = null, arrivedFrom = null, onArrived } = props;
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isResolved = flag.status === FLAG_STATUSES.resolved;
  const mayResolve = canResolve(account.role, flag.kind);
  const current = currentFlagText(editor, layout, flag.id);
  const isPlaced = layout.order.includes(flag.id);
  const changes = flag.events.filter((event) => event.action === 'changed-after-clearance');
  const threadRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!arrivedFrom) return;
    const thread = threadRef.current;
    onArrived?.();
    if (!thread) return;
    if (arrivedFrom === 'keys') thread.focus({ preventScroll: true });
    // After the frame: opening the flag also selects its words in the copy, in this same commit, and
    // ProseMirror scrolls the copy to them, which would undo this scroll.
    requestAnimationFrame(() => {
      if (!thread.isConnected || isInView(thread)) return;
      thread.focus({ preventScroll: true });
      thread.scrollIntoView({ block: 'start' });
    });
  }, [arrivedFrom, onArrived]);

  const run = async (action: () => Promise<void>, what: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(`Could not ${what}: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    // Focusable, not tabbable: the keyboard arrives here from the copy, and a screen reader reads out which flag.
    <article ref={threadRef} tabIndex={-1} className={`thread thread--${flag.kind}`} aria-label={`Flag: ${flag.quote}`}>
      <div className="thread__nav">
        <button type="button" className="button button--quiet button--small" onClick={onBack}>
          <Icon name="arrowLeft" />
          All flags
        </button>
        {current !== null && (
          <button type="button" className="button button--quiet button--small" onClick={onSelect}>
            Show in copy
          </button>
        )}
      </div>
      <FlagStepper neighbours={neighbours} onStep={onStep} arrivedBy={arrivedBy} />
      <div className="thread__head">
        <KindBadge kind={flag.kind} />
        <span className={`status-tag status-tag--${flag.status}`}>
          <Icon name={isResolved ? 'check' : 'flag'} />
          {isResolved ? `Resolved by ${flag.resolvedBy?.name ?? 'someone'} · ${formatTime(flag.resolvedAt)}` : 'Open'}
        </span>
      </div>
      <blockquote className={current === null && isPlaced ? 'flag-quote flag-quote--removed' : 'flag-quote'}>{flag.quote}</blockquote>
      {current === null && isPlaced && (
        <p className="flag-card__warning">
          <Icon name="alert" />
          Flagged text removed. The flag stays until someone resolves it.
        </p>
      )}
      {current !== null && current !== flag.quote && (
        <p className="thread__now">
          <span className="thread__label">Text now:</span> {current}
        </p>
      )}
      {changes.map((event, index) => (
        <div key={index} className="clearance-change" role="note">
          <p className="flag-card__warning">
            <Icon name="alert" />
            Changed after clearance{event.by ? ` by ${event.by.name}` : ''} · {formatTime(event.at)}
          </p>
          <dl className="clearance-change__texts">
            <dt>Cleared text</dt>
            <dd>{event.before ?? flag.clearedQuote ?? flag.quote}</dd>
            <dt>Text then</dt>
            <dd>{event.after ?? current ?? '(removed)'}</dd>
          </dl>
        </div>
      ))}

      <FlagFields key={flag.id} draftId={draftId} account={account} flag={flag} people={people} />

      <section className="thread__comments" aria-label="Comments">
        <h3 className="thread__subtitle">Comments</h3>
        <ol className="comments">
          {flag.comments.map((comment) => (
            <li key={comment.id}>
              <CommentItem draftId={draftId} flagId={flag.id} account={account} comment={comment} />
            </li>
          ))}
        </ol>
        {canComment(account.role) ? (
          <ReplyForm draftId={draftId} flagId={flag.id} />
        ) : (
          <p className="muted">Only {rolesThatCan(ACTIONS.comment)} can comment.</p>
        )}
      </section>

      <div className="thread__actions">
        {mayResolve ? (
          isResolved ? (
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => reopenFlag(draftId, flag.id), 'reopen the flag')}>
              Reopen
            </button>
          ) : (
            <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void run(() => resolveFlag(draftId, flag.id), 'resolve the flag')}>
              <Icon name="check" />
              Resolve
            </button>
          )
        ) : (
          <p className="muted">Only {rolesThatCan(ACTIONS.resolveLegalFlags)} can resolve or reopen a legal-risk flag.</p>
        )}
      </div>
      {error && (
        <p className="alert" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
    </article>
  );
}

function CommentItem({ draftId, flagId, account, comment }: { draftId: string; flagId: string; account: AccountSummary; comment: Comment }) {
  const [isEditing, setEditing] = useState(false);
  const [isHistoryOpen, setHistoryOpen] = useState(false);
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const isOwn = canEditComment(account.id, comment.author.id);
  const history = comment.history ?? [];

  if (comment.deleted) {
    return (
      <div className="comment comment--deleted">
        <p className="comment__meta">
          {comment.author.name} · {formatTime(comment.createdAt)}
        </p>
        <p className="muted">Comment deleted.</p>
      </div>
    );
  }

  return (
    <div className="comment">
      <p className="comment__meta">
        <strong>{comment.author.name}</strong> · <time dateTime={comment.createdAt}>{formatTime(comment.createdAt)}</time>
        {history.length > 0 && (
          <>
            {' · '}
            <button type="button" className="link-button" aria-expanded={isHistoryOpen} onClick={() => setHistoryOpen((open) => !open)}>
              edited
            </button>
          </>
        )}
      </p>
      {isEditing ? (
        <CommentForm
          label="Edit comment"
          initial={comment.text}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (text) => {
            await editComment(draftId, flagId, comment.id, text);
            setEditing(false);
          }}
        />
      ) : (
        <CommentText text={comment.text} />
      )}
      {isHistoryOpen && (
        <ol className="comment__history" aria-label="Earlier versions">
          {history.map((edit, index) => (
            <li key={index}>
              <span className="comment__meta">Until {formatTime(edit.editedAt)}</span>
              <CommentText text={edit.text} />
            </li>
          ))}
        </ol>
      )}
      {isOwn && !isEditing && (
        <div className="comment__actions">
          <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
            <Icon name="pencil" />
            Edit
          </button>
          <button type="button" className="button button--danger-quiet button--small" onClick={() => setConfirmingDelete(true)}>
            <Icon name="trash" />
            Delete
          </button>
        </div>
      )}
      {isOwn && (
        <ConfirmDialog
          isOpen={isConfirmingDelete}
          title="Delete this comment?"
          description="Its place in the thread stays, marked as deleted, without the text."
          confirmLabel="Delete comment"
          isDanger
          onConfirm={async () => {
            try {
              await deleteComment(draftId, flagId, comment.id);
            } catch (caught) {
              throw new Error(`Could not delete: ${errorText(caught)}`);
            }
          }}
          onClose={() => setConfirmingDelete(false)}
        />
      )}
    </div>
  );
}

function ReplyForm({ draftId, flagId }: { draftId: string; flagId: string }) {
  return (
    <CommentForm
      label="Reply"
      initial=""
      submitLabel="Reply"
      onSubmit={async (text) => {
        await addComment(draftId, flagId, text);
      }}
    />
  );
}

interface CommentFormProps {
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
}

function CommentForm({ label, initial, submitLabel, onSubmit, onCancel }: CommentFormProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Write something first.');
      return;
    }
    setSending(true);
    setError(null);
    const sent = text;
    try {
      await onSubmit(sent.trim());
      // The field stays open while it sends: what was typed since is the next comment, not to be lost.
      setText((current) => (current === sent ? '' : current));
    } catch (caught) {
      setError(`Could not send: ${errorText(caught)}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <MentionTextarea
        id={id}
        className="field__input field__textarea"
        rows={3}
        maxLength={MAX_COMMENT_CHARS}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <span className="form__spacer" />
        {onCancel && (
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary button--small" disabled={isSending}>
          {isSending ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

/**
 * Previous and next among the flags the list shows, in document order: a
 * reviewer reads one thread after another without going back to the list.
 * A button with nowhere to go stays focusable (aria-disabled), so the focus a
 * step left on it is not lost at the end of the list.
 */
function FlagStepper({ neighbours, onStep, arrivedBy }: { neighbours: FlagNeighbours; onStep: FlagThreadProps['onStep']; arrivedBy: StepDirection | null }) {
  const buttons = { previous: useRef<HTMLButtonElement>(null), next: useRef<HTMLButtonElement>(null) };
  useEffect(() => {
    if (arrivedBy) buttons[arrivedBy].current?.focus();
    // Once, as the thread opens: focus is not taken back after that.
  }, []);
  const { previous, next, position, shownCount } = neighbours;
  if (shownCount === 0 || (position !== null && shownCount === 1)) return null;
  const step = (to: typeof previous, direction: StepDirection) => () => {
    if (to) onStep(to.id, direction);
  };
  return (
    <nav className="thread__stepper" aria-label="Listed flags">
      <button ref={buttons.previous} type="button" className="button button--quiet button--small" aria-disabled={!previous} onClick={step(previous, 'previous')}>
        <Icon name="chevronUp" />
        Previous<span className="visually-hidden"> flag</span>
      </button>
      <span className="thread__position">{position === null ? `not listed (${shownCount} are)` : `${position} of ${shownCount} listed`}</span>
      <button ref={buttons.next} type="button" className="button button--quiet button--small" aria-disabled={!next} onClick={step(next, 'next')}>
        Next<span className="visually-hidden"> flag</span>
        <Icon name="chevronDown" />
      </button>
    </nav>
  );
}

/** Whether any of the element is within the window. */
function isInView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}
