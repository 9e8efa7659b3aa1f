import { useEffect, useState } from 'react';
import type { AccountSummary } from '../../shared/api/auth.ts';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { AccountsTable, type AdminMessage } from '../panels/admin/AccountsTable.tsx';
import { AddAccountForm } from '../panels/admin/AddAccountForm.tsx';
import { useAccounts } from '../panels/admin/useAccounts.ts';
import { Icon } from '../ui/Icon.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import '../styles/account.css';

/** `/admin` (accounts.manage only): every account, and a form to add one. */
export function AdminPage({ account }: { account: AccountSummary }) {
  const { accounts, error, reload, replace } = useAccounts();
  const [message, setMessage] = useState<AdminMessage | null>(null);

  useEffect(() => {
    document.title = 'Accounts — Copydesk';
  }, []);

  return (
    <div className="layout">
      <SiteHeader account={account} />
      <main className="account-page account-page--wide">
        <PageHeading>Accounts</PageHeading>
        <p className="account-page__intro">
          Who can sign in to Copydesk, and in which role. Editors write and edit the copy; Legal reads and flags it; Chief
          editors also sign it off; Admins manage accounts.
        </p>

        {/* One live region for the outcome of every change on this page. */}
        <div role="status" aria-live="polite" className="admin-message">
          {message?.kind === 'success' && (
            <p className="success-note">
              <Icon name="check" />
              <span>{message.text}</span>
            </p>
          )}
        </div>
        {message?.kind === 'error' && (
          <p className="alert" role="alert">
            <Icon name="alert" />
            <span>{message.text}</span>
          </p>
        )}

        <section className="panel" aria-labelledby="accounts-heading">
          <h2 id="accounts-heading" className="section-title">
            All accounts
          </h2>
          {error && (
            <p className="alert" role="alert">
              <Icon name="alert" />
              <span>Could not load the accounts: {error.message}</span>
            </p>
          )}
          {accounts === null && !error && (
            <p className="muted" role="status">
              Loading accounts…
            </p>
          )}
          {accounts !== null && (
            <AccountsTable accounts={accounts} selfId={account.id} onChanged={replace} onMessage={setMessage} />
          )}
        </section>

        <section className="panel" aria-labelledby="add-account-heading">
          <h2 id="add-account-heading" className="section-title">
            Add an account
          </h2>
          <AddAccountForm
            onCreated={(created) => {
              reload();
              setMessage({ kind: 'success', text: `Account ${created.username} (${created.displayName}) added.` });
            }}
          />
        </section>
      </main>
    </div>
  );
}
