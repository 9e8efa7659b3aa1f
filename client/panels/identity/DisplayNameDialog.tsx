import { useId, useState, type FormEvent } from 'react';
import { MAX_DISPLAY_NAME_CHARS } from '../../../shared/protocol/awareness.ts';
import { storeDisplayName, validateDisplayName } from '../../identity/displayName.ts';
import { colorForName } from '../../identity/userColor.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { PersonBadge } from '../../ui/PersonBadge.tsx';

export interface DisplayNameDialogProps {
  isOpen: boolean;
  currentName: string | null;
  /** Absent on a first visit: a name is needed before anything else. */
  onCancel?: () => void;
  onDone?: () => void;
}

/** Asks for the name colleagues see next to this person's caret and in presence lists. */
export function DisplayNameDialog({ isOpen, currentName, onCancel, onDone }: DisplayNameDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      title={currentName ? 'Change your display name' : 'Welcome to Copydesk'}
      description="Your name is shown to colleagues next to your cursor and in the list of people in a draft. It is stored in this browser only."
      onDismiss={onCancel}
    >
      {isOpen && <NameForm currentName={currentName} onCancel={onCancel} onDone={onDone} />}
    </Dialog>
  );
}

function NameForm({ currentName, onCancel, onDone }: Omit<DisplayNameDialogProps, 'isOpen'>) {
  const [value, setValue] = useState(currentName ?? '');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const preview = value.trim();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = validateDisplayName(value);
    if (problem) {
      setError(problem);
      return;
    }
    storeDisplayName(value);
    onDone?.();
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          Your name
        </label>
        <input
          id={inputId}
          className="field__input"
          type="text"
          autoComplete="name"
          autoFocus
          maxLength={MAX_DISPLAY_NAME_CHARS}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="name-preview" aria-hidden={preview === '' || undefined}>
        {preview !== '' && (
          <>
            <span className="name-preview__label">Colleagues will see</span>
            <PersonBadge name={preview} color={colorForName(preview)} />
          </>
        )}
      </div>
      <div className="form__actions">
        <span className="form__spacer" />
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary">
          {currentName ? 'Save name' : 'Continue'}
        </button>
      </div>
    </form>
  );
}
