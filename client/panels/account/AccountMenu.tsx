import { useEffect, useId, useRef, useState } from 'react';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import { ACTIONS, can } from '../../../shared/permissions/permissions.ts';
import { ApiError } from '../../api/ApiError.ts';
import { Link } from '../../app/Link.tsx';
import { ADMIN_PATH, TOKENS_PATH } from '../../app/router.ts';
import { mayLeave } from '../../app/leaveGuard.ts';
import { signOut } from '../../app/session.ts';
import { roleLabel } from '../../identity/roleLabel.ts';
import { colorForKey } from '../../identity/userColor.ts';
import { Icon } from '../../ui/Icon.tsx';
import { PersonBadge } from '../../ui/PersonBadge.tsx';
import { isShortcutsHelpOpen } from '../help/shortcutsHelp.ts';

export interface AccountMenuProps {
  account: AccountSummary;
  /** Initials only (the name is in the tooltip and read out), where the top bar is crowded. */
  isCompact?: boolean;
}

/**
 * The signed-in person ("Lena Legal · Legal") in the top bar, opening a small
 * panel with their username, API tokens, Accounts (admins), the keyboard
 * shortcuts and Sign out. A
 * disclosure, not an ARIA menu: Tab moves through the panel, Escape closes it
 * and returns focus to the button, and so does a click outside.
 */
export function AccountMenu({ account, isCompact = false }: AccountMenuProps) {
  const [isOpen, setOpen] = useState(false);
  const [isSigningOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const role = roleLabel(account.role);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [isOpen]);

  const onSignOut = async () => {
    if (!mayLeave()) return;
    setSigningOut(true);
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      setError(`Could not sign out: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
      setSigningOut(false);
    }
  };

  return (
    <div
      ref={rootRef}
      className="account-menu"
      onBlur={(event) => {
        // Focus left the button and the panel (Tab past the last item): close.
        if (isOpen && !event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={isCompact ? 'button button--quiet account-menu__button account-menu__button--compact' : 'button button--quiet account-menu__button'}
        aria-expanded={isOpen}
        aria-controls={panelId}
        title={isCompact ? `${account.displayName} · ${role}` : undefined}
        onClick={() => setOpen((open) => !open)}
      >
        <PersonBadge name={account.displayName} color={colorForKey(account.id)} suffix={`· ${role}`} isCompact={isCompact} />
        <span className="visually-hidden">, account menu</span>
        <Icon name="chevronDown" className="account-menu__chevron" />
      </button>
      <div id={panelId} className="account-menu__panel" hidden={!isOpen}>
        <p className="account-menu__who">
          <strong>{account.displayName}</strong>
          <span className="muted">
            {account.username} · {role}
          </span>
        </p>
        <ul className="account-menu__items">
          {can(account.role, ACTIONS.manageAccounts) && (
            <li>
              <Link to={ADMIN_PATH} className="account-menu__item" onClick={() => setOpen(false)}>
                <Icon name="people" />
                Accounts
              </Link>
            </li>
          )}
          <li>
            <Link to={TOKENS_PATH} className="account-menu__item" onClick={() => setOpen(false)}>
              <Icon name="key" />
              API tokens
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="account-menu__item"
              aria-keyshortcuts="?"
              onClick={() => {
                setOpen(false);
                // The list gives the focus back to where it was when it closes: here, not a hidden item.
                buttonRef.current?.focus();
                isShortcutsHelpOpen.set(true);
              }}
            >
              <Icon name="keyboard" />
              Keyboard shortcuts
            </button>
          </li>
          <li>
            <button type="button" className="account-menu__item" onClick={() => void onSignOut()} disabled={isSigningOut}>
              <Icon name="signOut" />
              {isSigningOut ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
        {error && (
          <p className="account-menu__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
