import { lazy, Suspense, useEffect } from 'react';
import { useDisplayName } from '../identity/displayName.ts';
import { DisplayNameDialog } from '../panels/identity/DisplayNameDialog.tsx';
import { DraftsPage } from '../pages/DraftsPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { matchRoute, usePath } from './router.ts';

// The editor (Tiptap, Yjs) is the heavy part; the drafts list loads without it.
const EditorPage = lazy(() => import('../pages/EditorPage.tsx').then((module) => ({ default: module.EditorPage })));

/** Routes `/` and `/docs/:id`, after the person has a display name. */
export function App() {
  const path = usePath();
  const route = matchRoute(path);
  const [name] = useDisplayName();

  // A new screen starts at the top (PageHeading takes the focus).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  if (name === null) {
    return (
      <div className="welcome">
        <DisplayNameDialog isOpen currentName={null} />
      </div>
    );
  }

  switch (route.name) {
    case 'drafts':
      return <DraftsPage />;
    case 'editor':
      return (
        <Suspense fallback={<p className="page-loading" role="status">Opening the editor…</p>}>
          <EditorPage key={route.draftId} draftId={route.draftId} displayName={name} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage message="There is no page at this address." />;
  }
}
