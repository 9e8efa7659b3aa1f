import { Link } from '../app/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

/** A dead end with a way back. */
export function NotFoundPage({ title = 'Not found', message }: { title?: string; message: string }) {
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
