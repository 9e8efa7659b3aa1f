import { useId, useRef, useState, type FormEvent } from 'react';
import {
  displayNameSchema,
  MIN_PASSWORD_CHARS,
  passwordSchema,
  usernameSchema,
  type Account,
} from '../../../shared/api/auth.ts';
import { ERROR_CODES } from '../../../shared/api/errorCodes.ts';
import { ROLE_NAMES, type Role } from '../../../shared/permissions/permissions.ts';
import { ApiError } from '../../api/ApiError.ts';
import { createAccount } from '../../api/accounts.ts';
import { roleLabel } from '../../identity/roleLabel.ts';
import { accountErrorMessage } from './accountErrors.ts';

type Field = 'username' | 'displayName' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/**
 * Username, display name, role and first password for a new account. Checked
 * here with the shared schemas first (each problem next to its field), then by
 * the server: a taken username (409) lands on the username field, anything
 * else in an alert under the form.
 */
export function AddAccountForm({ onCreated }: { onCreated: (account: Account) => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const refs = {
    username: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const id = useId();

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    const user = usernameSchema.safeParse(username);
    if (!user.success) found.username = sentence(user.error.issues[0]?.message ?? 'That username cannot be used.');
    if (displayName.trim() !== '') {
      const name = displayNameSchema.safeParse(displayName);
      if (!name.success) found.displayName = 'A display name has at most 60 characters.';
    }
    const pass = passwordSchema.safeParse(password);
    if (!pass.success) found.password = sentence(pass.error.issues[0]?.message ?? 'That password cannot be used.');
    return found;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    const first = (['username', 'displayName', 'password'] as const).find((field) => found[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const account = await createAccount({
        username,
        role,
        password,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      });
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRole('editor');
      onCreated(account);
      refs.username.current?.focus();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === ERROR_CODES.conflict) {
        setErrors({ username: `There is already an account called “${username.trim().toLowerCase()}”. Choose another username.` });
        refs.username.current?.focus();
      } else {
        setFormError(accountErrorMessage(caught, 'add the account'));
      }
    } finally {
      setBusy(false);
    }
  };

  const describe = (field: Field, hint?: boolean) =>
    [errors[field] ? `${id}-${field}-error` : null, hint ? `${id}-${field}-hint` : null].filter(Boolean).join(' ') || undefined;

  return (
    <form className="account-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Add an account">
      <div className="field">
        <label htmlFor={`${id}-username`} className="field__label">
          Username
        </label>
        <input
          ref={refs.username}
          id={`${id}-username`}
          className="field__input"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
          value={username}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={describe('username', true)}
          onChange={(event) => setUsername(event.target.value)}
        />
        <p id={`${id}-username-hint`} className="field__hint">
          2–32 characters: lower-case letters, digits, dot, dash, underscore.
        </p>
        <FieldError id={`${id}-username-error`} message={errors.username} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-displayName`} className="field__label">
          Display name <span className="field__optional">(optional)</span>
        </label>
        <input
          ref={refs.displayName}
          id={`${id}-displayName`}
          className="field__input"
          type="text"
          autoComplete="off"
          maxLength={60}
          value={displayName}
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby={describe('displayName', true)}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <p id={`${id}-displayName-hint`} className="field__hint">
          Shown to colleagues next to their cursor. Defaults to the username.
        </p>
        <FieldError id={`${id}-displayName-error`} message={errors.displayName} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`} className="field__label">
          Role
        </label>
        <select
          id={`${id}-role`}
          className="field__input"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {ROLE_NAMES.map((name) => (
            <option key={name} value={name}>
              {roleLabel(name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`} className="field__label">
          Password
        </label>
        <input
          ref={refs.password}
          id={`${id}-password`}
          className="field__input"
          type="password"
          autoComplete="new-password"
          value={password}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describe('password', true)}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p id={`${id}-password-hint`} className="field__hint">
          At least {MIN_PASSWORD_CHARS} characters. Tell the person in person, not in the same message as the username.
        </p>
        <FieldError id={`${id}-password-error`} message={errors.password} />
      </div>
      <div className="account-form__actions">
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {isBusy ? 'Adding…' : 'Add account'}
        </button>
      </div>
      {formError && (
        <p className="alert account-form__alert" role="alert">
          {formError}
        </p>
      )}
    </form>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  );
}

/** The shared schemas' messages are lower-case fragments ("a password has …"); on screen they are sentences. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
