import { useId, useState, type FormEvent } from 'react';
import { MAX_COMMENT_CHARS } from '../../../shared/annotations/kinds.ts';
import { ApiError } from '../../api/ApiError.ts';
import { createFlag } from '../../api/annotations.ts';
import type { FlagRequest } from '../../editor/DraftEditor.tsx';
import { FLAG_KIND_WORDS } from '../../../shared/annotations/words.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { KindBadge } from './KindBadge.tsx';
import { MentionTextarea } from './MentionTextarea.tsx';

export interface NewFlagDialogProps {
  draftId: string;
  /** The selection to flag; null = closed. */
  request: FlagRequest | null;
  onClose: () => void;
  /** The server made the flag; it arrives in the editor through Yjs. */
  onCreated: (flagId: string) => void;
}

/** Asks for the first comment of a new flag and sends it. The flagged text is shown as text. */
export function NewFlagDialog({ draftId, request, onClose, onCreated }: NewFlagDialogProps) {
  return (
    <Dialog
      isOpen={request !== null}
      title={request ? `Flag as ${FLAG_KIND_WORDS[request.kind].label.toLowerCase()}` : 'Flag'}
      onDismiss={onClose}
    >
      {request && <NewFlagForm draftId={draftId} request={request} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewFlagForm({ draftId, request, onClose, onCreated }: NewFlagDialogProps & { request: FlagRequest }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const words = FLAG_KIND_WORDS[request.kind];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim() === '') {
      setError('Say why you flag this: the first comment cannot be empty.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      const id = await createFlag(draftId, { kind: request.kind, start: request.start, end: request.end, comment: comment.trim() });
      onCreated(id);
    } catch (caught) {
      setError(`Could not flag the text: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
      setSending(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="new-flag__what">
        <KindBadge kind={request.kind} />
        <blockquote className="flag-quote">{request.quote}</blockquote>
      </div>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          First comment
        </label>
        <MentionTextarea
          id={inputId}
          className="field__input field__textarea"
          rows={4}
          maxLength={MAX_COMMENT_CHARS}
          autoFocus
          value={comment}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setComment(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void onSubmit(event);
          }}
        />
        <p id={hintId} className="field__hint">
          Plain text. Mention someone with @username; links starting with https:// become clickable.
        </p>
        {error && (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={isSending}>
          {isSending ? 'Flagging…' : `Flag as ${words.label.toLowerCase()}`}
        </button>
      </div>
    </form>
  );
}
