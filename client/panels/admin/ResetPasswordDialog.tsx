import { useId, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_CHARS, passwordSchema, type Account } from '../../../shared/api/auth.ts';
import { updateAccount } from '../../api/accounts.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { accountErrorMessage } from './accountErrors.ts';

export interface ResetPasswordDialogProps {
  /** The account whose password is being reset; null = closed. */
  account: Account | null;
  onClose: () => void;
  onDone: (account: Account) => void;
}

/** Sets a new password for someone who has forgotten theirs; the admin tells them the new one. */
export function ResetPasswordDialog({ account, onClose, onDone }: ResetPasswordDialogProps) {
  return (
    <Dialog
      isOpen={account !== null}
      title={`Reset the password of ${account?.username ?? ''}`}
      description={`${account?.displayName ?? ''} is signed out of every browser and signs in with the new password from now on. Tell them the new password in person.`}
      onDismiss={onClose}
    >
      {account && <ResetForm account={account} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ResetForm({ account, onClose, onDone }: { account: Account; onClose: () => void; onDone: (account: Account) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passwordSchema.safeParse(password).success) {
      setError(`A password has at least ${MIN_PASSWORD_CHARS} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const changed = await updateAccount(account.id, { password });
      onDone(changed);
      onClose();
    } catch (caught) {
      setError(accountErrorMessage(caught, 'reset the password'));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          New password
        </label>
        <input
          id={inputId}
          className="field__input"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={password}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => {
            setPassword(event.target.value);
            setError(null);
          }}
        />
        <p id={hintId} className="field__hint">
          At least {MIN_PASSWORD_CHARS} characters.
        </p>
        {error && (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {isBusy ? 'Saving…' : 'Set new password'}
        </button>
      </div>
    </form>
  );
}
