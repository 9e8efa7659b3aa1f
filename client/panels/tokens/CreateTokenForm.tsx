import { useId, useState, type FormEvent } from 'react';
import { createTokenBodySchema } from '../../../shared/api/auth.ts';
import { ApiError } from '../../api/ApiError.ts';
import { createToken, type CreatedToken } from '../../api/tokens.ts';

const MAX_TOKEN_NAME_CHARS = 80;

/** Names and creates a token; the parent shows its secret. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const parsed = createTokenBodySchema.safeParse(trimmed ? { name: trimmed } : {});
    if (!parsed.success) {
      setError(`A name has at most ${MAX_TOKEN_NAME_CHARS} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await createToken(parsed.data.name));
      setName('');
    } catch (caught) {
      setError(`Could not create a token: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="field inline-form__grow">
        <label htmlFor={inputId} className="field__label">
          Token name <span className="field__optional">(optional)</span>
        </label>
        <input
          id={inputId}
          className="field__input"
          type="text"
          autoComplete="off"
          maxLength={MAX_TOKEN_NAME_CHARS}
          value={name}
          placeholder="e.g. Wire importer"
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
        <p id={hintId} className="field__hint">
          What the token is for, so you know which one to revoke later.
        </p>
        {error && (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary inline-form__submit" disabled={isBusy}>
        {isBusy ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}
