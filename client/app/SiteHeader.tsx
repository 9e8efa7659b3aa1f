import type { AccountSummary } from '../../shared/api/auth.ts';
import { ACTIONS, can } from '../../shared/permissions/permissions.ts';
import { AccountMenu } from '../panels/account/AccountMenu.tsx';
import { InboxButton } from '../panels/inbox/InboxButton.tsx';
import { Link } from './Link.tsx';
import { ADMIN_PATH, usePath } from './router.ts';

/**
 * The top bar of every page but the editor (which has its own, denser one):
 * the brand, the sections this account may use, and the account menu.
 */
export function SiteHeader({ account }: { account: AccountSummary }) {
  const path = usePath();
  const sections = [
    { to: '/', label: 'Drafts' },
    ...(can(account.role, ACTIONS.manageAccounts) ? [{ to: ADMIN_PATH, label: 'Accounts' }] : []),
  ];
  return (
    <header className="topbar">
      <Link to="/" className="brand brand--link">
        Copydesk
      </Link>
      <nav aria-label="Sections" className="topbar__nav">
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <Link to={section.to} className="topbar__link" aria-current={path === section.to ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <span className="topbar__spacer" />
      <InboxButton />
      <AccountMenu account={account} />
    </header>
  );
}
