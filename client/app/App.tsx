import { lazy, Suspense, useEffect } from 'react';
import type { AccountSummary } from '../../shared/api/auth.ts';
import { ACTIONS, can } from '../../shared/permissions/permissions.ts';
import { KeyboardShortcutsHelp } from '../panels/help/KeyboardShortcutsHelp.tsx';
import { AdminPage } from '../pages/AdminPage.tsx';
import { DraftsPage } from '../pages/DraftsPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { TokensPage } from '../pages/TokensPage.tsx';
import { UnreachablePage } from '../pages/UnreachablePage.tsx';
import { currentLocation, matchRoute, navigate, nextAfterSignIn, signInPath, usePath, type Route } from './router.ts';
import { useSession, watchSession } from './session.ts';

// The editor (Tiptap, Yjs) is the heavy part; the drafts list loads without it.
const EditorPage = lazy(() => import('../pages/EditorPage.tsx').then((module) => ({ default: module.EditorPage })));

/**
 * Routes `/`, `/docs/:id`, `/admin`, `/account/tokens` for a signed-in
 * person; anyone else sees the sign-in page, at `/signin?next=<where they were going>`.
 */
export function App() {
  const path = usePath();
  const route = matchRoute(path);
  const session = useSession();

  useEffect(() => watchSession(), []);

  // A new screen starts at the top (PageHeading takes the focus).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  // Keep the address honest: signed out anywhere -> /signin?next=…; signed in on /signin -> next.
  const reason = session.status === 'signed-out' ? session.reason : null;
  useEffect(() => {
    if (reason !== null && route.name !== 'signIn') {
      navigate(reason === 'signed-out' ? signInPath() : signInPath(currentLocation()), { replace: true });
    }
    if (session.status === 'signed-in' && route.name === 'signIn') navigate(nextAfterSignIn(), { replace: true });
  }, [reason, session.status, route.name]);

  switch (session.status) {
    case 'checking':
      return (
        <p className="page-loading" role="status">
          Checking your sign-in…
        </p>
      );
    case 'unreachable':
      return <UnreachablePage error={session.error} />;
    case 'signed-out':
      return <SignInPage reason={session.reason} />;
    case 'signed-in':
      // Keyed by account: someone else signing in (another tab) remounts every page, so no
      // draft session keeps publishing the previous account's presence.
      return (
        <>
          <SignedInRoute key={session.account.id} route={route} account={session.account} />
          <KeyboardShortcutsHelp />
        </>
      );
  }
}

function SignedInRoute({ route, account }: { route: Route; account: AccountSummary }) {
  switch (route.name) {
    case 'signIn':
      // On the way to `next` (see the effect in App).
      return null;
    case 'drafts':
      return <DraftsPage account={account} />;
    case 'editor':
      return (
        <Suspense
          fallback={
            <p className="page-loading" role="status">
              Opening the editor…
            </p>
          }
        >
          <EditorPage key={route.draftId} draftId={route.draftId} account={account} />
        </Suspense>
      );
    case 'admin':
      if (!can(account.role, ACTIONS.manageAccounts)) {
        return <NotFoundPage title="Not available" message="Only administrators can manage accounts." />;
      }
      return <AdminPage account={account} />;
    case 'tokens':
      return <TokensPage account={account} />;
    case 'notFound':
      return <NotFoundPage message="There is no page at this address." />;
  }
}
