import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { titleSchema } from '../../../shared/api/drafts.ts';
import type { DraftSummary } from '../../../shared/api/drafts.ts';
import { ApiError } from '../../api/ApiError.ts';
import { renameDraft } from '../../api/drafts.ts';

export interface DraftTitleProps {
  draft: DraftSummary | null;
  onRenamed: (draft: DraftSummary) => void;
  /** Null when this account may rename; otherwise why not, shown as the field's description and tooltip. */
  cannotRenameReason: string | null;
}

/**
 * The draft's title (its name in the drafts list; not the headline), edited in
 * place: saved with PATCH on Enter or when focus leaves, Escape puts back the
 * saved title. Disabled while the title is unknown (offline before it loaded);
 * read-only, with the reason, for a role that may not rename drafts.
 */
export function DraftTitle({ draft, onRenamed, cannotRenameReason }: DraftTitleProps) {
  const [value, setValue] = useState(draft?.title ?? '');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const savedTitle = draft?.title ?? '';
  const lastSaved = useRef(savedTitle);
  const inputId = useId();
  const errorId = useId();
  const reasonId = useId();
  const canRename = cannotRenameReason === null;

  // Follow the server's title when it changes underneath (someone else renamed it).
  useEffect(() => {
    if (savedTitle !== lastSaved.current) {
      lastSaved.current = savedTitle;
      setValue(savedTitle);
    }
  }, [savedTitle]);

  const commit = async () => {
    if (!draft || isSaving || !canRename) return;
    const parsed = titleSchema.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'That title cannot be used.');
      return;
    }
    if (parsed.data === lastSaved.current) {
      setValue(parsed.data);
      setError(null);
      return;
    }
    setSaving(true);
    try {
      const renamed = await renameDraft(draft.id, parsed.data);
      lastSaved.current = renamed.title;
      setValue(renamed.title);
      setError(null);
      onRenamed(renamed);
    } catch (caught) {
      setError(caught instanceof ApiError ? `Title not saved: ${caught.message}` : 'Title not saved.');
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape') {
      setValue(lastSaved.current);
      setError(null);
    }
  };

  return (
    <div className="draft-title">
      <label htmlFor={inputId} className="visually-hidden">
        Draft title
      </label>
      <input
        id={inputId}
        className="draft-title__input"
        value={draft ? value : ''}
        placeholder={draft ? 'Untitled draft' : 'Title unavailable offline'}
        disabled={!draft}
        readOnly={!canRename}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : canRename ? undefined : reasonId}
        title={canRename ? 'Draft title — press Enter to save' : cannotRenameReason}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
      {!canRename && (
        <span id={reasonId} className="visually-hidden">
          {cannotRenameReason}
        </span>
      )}
      {error && (
        <p id={errorId} className="draft-title__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
