import { useEffect, useId, useRef, useState } from 'react';
import type { Account } from '../../../shared/api/auth.ts';
import { ROLE_NAMES, type Role } from '../../../shared/permissions/permissions.ts';
import { updateAccount } from '../../api/accounts.ts';
import { roleLabel } from '../../identity/roleLabel.ts';
import { colorForKey } from '../../identity/userColor.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { PersonBadge } from '../../ui/PersonBadge.tsx';
import { accountErrorMessage } from './accountErrors.ts';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';

export type AdminMessage = { kind: 'success' | 'error'; text: string };

export interface AccountsTableProps {
  accounts: Account[];
  /** The admin looking at the page: their own role and status cannot be changed here (no locking yourself out). */
  selfId: string;
  onChanged: (account: Account) => void;
  onMessage: (message: AdminMessage) => void;
}

/**
 * One row per account: username, name, role (a select with its own Save),
 * status in words, and Reset password / Disable or Enable (both confirmed in a dialog).
 */
export function AccountsTable({ accounts, selfId, onChanged, onMessage }: AccountsTableProps) {
  const [toggling, setToggling] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);

  return (
    <>
      <table className="data-table accounts-table">
        <caption className="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              isSelf={account.id === selfId}
              onChanged={onChanged}
              onMessage={onMessage}
              onToggle={() => setToggling(account)}
              onReset={() => setResetting(account)}
            />
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        isOpen={toggling !== null}
        title={toggling?.disabled ? `Enable ${toggling.username}?` : `Disable ${toggling?.username ?? ''}?`}
        description={
          toggling?.disabled
            ? `${toggling.displayName} will be able to sign in again, with the same role and password.`
            : `${toggling?.displayName ?? ''} will no longer be able to sign in or use the API. Their work in drafts stays.`
        }
        confirmLabel={toggling?.disabled ? 'Enable account' : 'Disable account'}
        isDanger={!toggling?.disabled}
        onClose={() => setToggling(null)}
        onConfirm={async () => {
          if (!toggling) return;
          const disabled = !toggling.disabled;
          let changed: Account;
          try {
            changed = await updateAccount(toggling.id, { disabled });
          } catch (caught) {
            throw new Error(accountErrorMessage(caught, disabled ? 'disable the account' : 'enable the account'));
          }
          onChanged(changed);
          onMessage({ kind: 'success', text: `${changed.username} is ${changed.disabled ? 'disabled' : 'enabled'}.` });
        }}
      />
      <ResetPasswordDialog
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={(account) => onMessage({ kind: 'success', text: `The password of ${account.username} has been reset.` })}
      />
    </>
  );
}

interface AccountRowProps {
  account: Account;
  isSelf: boolean;
  onChanged: (account: Account) => void;
  onMessage: (message: AdminMessage) => void;
  onToggle: () => void;
  onReset: () => void;
}

function AccountRow({ account, isSelf, onChanged, onMessage, onToggle, onReset }: AccountRowProps) {
  const [role, setRole] = useState<Role>(account.role);
  const [isSaving, setSaving] = useState(false);
  const [isSelectFocusDue, setSelectFocusDue] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const selectId = useId();
  const selfNoteId = useId();
  const isRoleChanged = role !== account.role;

  // Save role and Undo vanish once the role is settled, taking the focus with them; the select
  // gets it back, but only once it is enabled again (a disabled control cannot take focus).
  useEffect(() => {
    if (!isSelectFocusDue || isSaving) return;
    setSelectFocusDue(false);
    selectRef.current?.focus();
  }, [isSelectFocusDue, isSaving]);

  const saveRole = async () => {
    setSaving(true);
    try {
      const changed = await updateAccount(account.id, { role });
      onChanged(changed);
      setRole(changed.role);
      setSelectFocusDue(true);
      onMessage({ kind: 'success', text: `${changed.username} is now ${roleLabel(changed.role)}.` });
    } catch (caught) {
      onMessage({ kind: 'error', text: accountErrorMessage(caught, `change the role of ${account.username}`) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <tr className={account.disabled ? 'accounts-table__row--disabled' : undefined}>
      <th scope="row" className="data-table__primary">
        {account.username}
        {isSelf && <span className="muted"> (you)</span>}
      </th>
      <td data-label="Name">
        <PersonBadge name={account.displayName} color={colorForKey(account.id)} />
      </td>
      <td data-label="Role">
        <div className="role-cell">
          <label htmlFor={selectId} className="visually-hidden">
            Role of {account.username}
          </label>
          <select
            ref={selectRef}
            id={selectId}
            className="field__input field__input--compact"
            value={role}
            disabled={isSelf || isSaving}
            aria-describedby={isSelf ? selfNoteId : undefined}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {ROLE_NAMES.map((name) => (
              <option key={name} value={name}>
                {roleLabel(name)}
              </option>
            ))}
          </select>
          {isRoleChanged && (
            <>
              <button type="button" className="button button--primary button--small" onClick={() => void saveRole()} disabled={isSaving}>
                {isSaving ? 'Saving…' : 'Save role'}
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => {
                  setRole(account.role);
                  selectRef.current?.focus();
                }}
                disabled={isSaving}
              >
                Undo
              </button>
            </>
          )}
          {isSelf && (
            <span id={selfNoteId} className="visually-hidden">
              You cannot change your own role.
            </span>
          )}
        </div>
      </td>
      <td data-label="Status">
        {account.disabled ? (
          <span className="status-tag status-tag--off">
            <Icon name="lock" />
            Disabled
          </span>
        ) : (
          <span className="status-tag status-tag--on">
            <Icon name="check" />
            Active
          </span>
        )}
      </td>
      <td className="data-table__actions">
        <button type="button" className="button button--small" onClick={onReset} aria-label={`Reset password of ${account.username}`}>
          Reset password
        </button>
        {!isSelf && (
          <button
            type="button"
            className={account.disabled ? 'button button--small' : 'button button--small button--danger-quiet'}
            onClick={onToggle}
            aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.username}`}
          >
            {account.disabled ? 'Enable' : 'Disable'}
          </button>
        )}
      </td>
    </tr>
  );
}
