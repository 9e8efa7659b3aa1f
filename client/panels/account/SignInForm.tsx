import { useId, useRef, useState, type FormEvent } from 'react';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import { signIn } from '../../api/session.ts';
import { Icon } from '../../ui/Icon.tsx';
import { signInErrorMessage } from './signInErrors.ts';

export interface SignInFormProps {
  onSignedIn: (account: AccountSummary) => void;
}

/**
 * Username and password; Enter in either field submits. A refusal is read out
 * (role=alert) and focus goes back to the password, which is cleared; the
 * username stays.
 */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (username.trim() === '' || password === '') {
      setError(username.trim() === '' ? 'Enter your username.' : 'Enter your password.');
      (username.trim() === '' ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn({ username: username.trim(), password }));
    } catch (caught) {
      setError(signInErrorMessage(caught));
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  const describedBy = error ? errorId : undefined;
  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Sign in">
      <div className="field">
        <label htmlFor={usernameId} className="field__label">
          Username
        </label>
        <input
          ref={usernameRef}
          id={usernameId}
          className="field__input"
          type="text"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
          value={username}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setUsername(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId} className="field__label">
          Password
        </label>
        <input
          ref={passwordRef}
          id={passwordId}
          className="field__input"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <div id={errorId} role="alert" className="sign-in__error">
        {error && (
          <p className="alert">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary button--wide" disabled={isBusy}>
        {isBusy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
