import { useState } from 'react';
import type { ApiError } from '../api/ApiError.ts';
import { checkSession } from '../app/session.ts';
import { Icon } from '../ui/Icon.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

/** Nobody known to be signed in and no answer from the server: say so, and offer to try again. */
export function UnreachablePage({ error }: { error: ApiError }) {
  const [isRetrying, setRetrying] = useState(false);
  const retry = async () => {
    setRetrying(true);
    await checkSession();
    setRetrying(false);
  };
  return (
    <main className="not-found">
      <PageHeading>Copydesk is out of reach</PageHeading>
      <p className="alert" role="alert">
        <Icon name="alert" />
        <span>{error.isNetworkError ? 'The Copydesk server cannot be reached. Check your connection.' : error.message}</span>
      </p>
      <p>
        <button type="button" className="button" onClick={() => void retry()} disabled={isRetrying}>
          {isRetrying ? 'Trying…' : 'Try again'}
        </button>
      </p>
    </main>
  );
}
