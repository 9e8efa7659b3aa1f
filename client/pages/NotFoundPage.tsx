import { useEffect } from 'react';
import { Link } from '../app/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

/** A dead end with a way back. */
export function NotFoundPage({ title = 'Not found', message }: { title?: string; message: string }) {
  // Otherwise the tab keeps the title of the page before, and a screen reader announces that.
  useEffect(() => {
    document.title = `${title} — Copydesk`;
  }, [title]);

  return (
    <main className="not-found">
      <PageHeading>{title}</PageHeading>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the drafts list</Link>
      </p>
    </main>
  );
}
