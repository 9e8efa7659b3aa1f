import { useEffect, useId, useRef } from 'react';
import type { CreatedToken } from '../../api/tokens.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useCopyText } from '../../ui/useCopyText.ts';

/**
 * The secret of a token just made, shown this once: a warning, the secret in
 * a read-only field (select-all on focus) and a Copy button. Takes the focus
 * when it appears, so a screen reader starts at its heading.
 */
export function NewTokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // No clipboard API (not a secure context) or permission refused: fall back to the selection.
  const [copyState, copyText] = useCopyText({
    fallback: () => {
      inputRef.current?.select();
      return document.execCommand('copy');
    },
  });
  const headingId = useId();
  const inputId = useId();
  const warningId = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, [token.id]);

  const copy = () => copyText(token.token);

  return (
    <section className="secret" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="secret__title">
        <Icon name="key" />
        Token “{token.name}” created
      </h2>
      <p id={warningId} className="secret__warning">
        <Icon name="alert" />
        <span>
          <strong>Copy it now: this is the only time it is shown.</strong> Keep it like a password; anyone with it can
          act as you. If you lose it, revoke it and create another.
        </span>
      </p>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          Your new token
        </label>
        <div className="secret__row">
          <input
            ref={inputRef}
            id={inputId}
            className="field__input secret__value"
            type="text"
            readOnly
            value={token.token}
            spellCheck={false}
            aria-describedby={warningId}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            <Icon name={copyState === 'copied' ? 'check' : 'copy'} />
            {copyState === 'copied' ? 'Copied' : 'Copy'}
          </button>
        </div>
        <p className="field__hint" role="status">
          {copyState === 'copied' && 'Copied to the clipboard.'}
          {copyState === 'failed' && 'Could not copy automatically: the token is selected, press Ctrl+C (⌘C on a Mac).'}
        </p>
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone}>
          I have stored it — hide the token
        </button>
      </div>
    </section>
  );
}
