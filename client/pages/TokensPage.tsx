import { useEffect, useRef, useState } from 'react';
import type { AccountSummary } from '../../shared/api/auth.ts';
import type { CreatedToken } from '../api/tokens.ts';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { roleLabel } from '../identity/roleLabel.ts';
import { CreateTokenForm } from '../panels/tokens/CreateTokenForm.tsx';
import { NewTokenSecret } from '../panels/tokens/NewTokenSecret.tsx';
import { TokensTable } from '../panels/tokens/TokensTable.tsx';
import { useTokens } from '../panels/tokens/useTokens.ts';
import { Icon } from '../ui/Icon.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import '../styles/account.css';

/** `/account/tokens`: the signed-in person's API tokens: list, create (secret shown once), revoke. */
export function TokensPage({ account }: { account: AccountSummary }) {
  const { tokens, error, reload } = useTokens();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  // Where focus goes when the secret panel or a revoked row disappears from under it.
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusList = () => listHeadingRef.current?.focus();

  useEffect(() => {
    document.title = 'API tokens — Copydesk';
  }, []);

  return (
    <div className="layout">
      <SiteHeader account={account} />
      <main className="account-page">
        <PageHeading>API tokens</PageHeading>
        <p className="account-page__intro">
          A token lets a script or another tool use the Copydesk API as you — {account.displayName},{' '}
          {roleLabel(account.role)} — with exactly your permissions. Treat each one like a password. Send it in an{' '}
          <code>Authorization: Bearer …</code> header.
        </p>

        {created && (
          <NewTokenSecret
            token={created}
            onDone={() => {
              setCreated(null);
              focusList();
            }}
          />
        )}

        <section className="panel" aria-labelledby="create-token-heading">
          <h2 id="create-token-heading" className="section-title">
            Create a token
          </h2>
          <CreateTokenForm
            onCreated={(token) => {
              setCreated(token);
              reload();
            }}
          />
        </section>

        <section className="panel" aria-labelledby="token-list-heading">
          <h2 id="token-list-heading" ref={listHeadingRef} tabIndex={-1} className="section-title">
            Your tokens
          </h2>
          {error && (
            <p className="alert" role="alert">
              <Icon name="alert" />
              <span>Could not load your tokens: {error.message}</span>
            </p>
          )}
          {tokens === null && !error && (
            <p className="muted" role="status">
              Loading tokens…
            </p>
          )}
          {tokens !== null && tokens.length === 0 && <p className="muted">You have no tokens yet.</p>}
          {tokens !== null && tokens.length > 0 && <TokensTable
              tokens={tokens}
              onRevoked={() => {
                reload();
                focusList();
              }}
            />}
        </section>
      </main>
    </div>
  );
}
