import { useEffect } from 'react';
import type { AccountSummary } from '../../shared/api/auth.ts';
import { navigate, nextAfterSignIn } from '../app/router.ts';
import { signedIn, type SignedOutReason } from '../app/session.ts';
import { SignInForm } from '../panels/account/SignInForm.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import '../styles/account.css';

const REASON_TEXT: Partial<Record<SignedOutReason, string>> = {
  expired: 'Your session has ended. Sign in again to carry on; nothing on this device is lost.',
  'signed-out': 'You have signed out.',
};

/** `/signin`, and whatever page was asked for while nobody is signed in. */
export function SignInPage({ reason }: { reason: SignedOutReason }) {
  useEffect(() => {
    document.title = 'Sign in — Copydesk';
  }, []);

  const onSignedIn = (account: AccountSummary) => {
    const next = nextAfterSignIn();
    signedIn(account);
    navigate(next, { replace: true });
  };

  const notice = REASON_TEXT[reason];
  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <p className="brand sign-in__brand">Copydesk</p>
        <PageHeading className="sign-in__title">Sign in</PageHeading>
        {notice && (
          <p className="sign-in__notice" role="status">
            {notice}
          </p>
        )}
        <SignInForm onSignedIn={onSignedIn} />
        <p className="sign-in__help">Accounts are made by your desk’s administrator. Ask them if you have forgotten your password.</p>
      </div>
    </main>
  );
}
