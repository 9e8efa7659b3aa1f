import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../shared/api/drafts.ts';
import { ApiError } from '../api/ApiError.ts';
import { createDraft } from '../api/drafts.ts';
import { navigate } from '../app/router.ts';
import { DraftsTable } from '../panels/drafts/DraftsTable.tsx';
import { ImportDraft } from '../panels/drafts/ImportDraft.tsx';
import { useDraftList } from '../panels/drafts/useDraftList.ts';
import { NameButton } from '../panels/identity/NameButton.tsx';
import { Icon } from '../ui/Icon.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import '../styles/drafts.css';

/** `/`: every draft, a button for a new one, and the importer. */
export function DraftsPage() {
  const { drafts, error, fetchedAt } = useDraftList();
  const [isCreating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Drafts — Copydesk';
  }, []);

  const openDraft = (draft: DraftSummary) => navigate(`/docs/${encodeURIComponent(draft.id)}`);

  const onNewDraft = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      openDraft(await createDraft());
    } catch (caught) {
      setCreateError(`Could not create a draft: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
      setCreating(false);
    }
  };

  return (
    <div className="layout">
      <header className="topbar">
        <span className="brand">Copydesk</span>
        <span className="topbar__spacer" />
        <NameButton />
      </header>
      <main className="drafts-page">
        <div className="drafts-page__head">
          <PageHeading>Drafts</PageHeading>
          <button type="button" className="button button--primary" onClick={() => void onNewDraft()} disabled={isCreating}>
            <Icon name="plus" />
            {isCreating ? 'Creating…' : 'New draft'}
          </button>
        </div>
        {createError && (
          <p className="alert" role="alert">
            <Icon name="alert" />
            <span>{createError}</span>
          </p>
        )}

        <section aria-labelledby="drafts-list-heading" className="drafts-page__list">
          <h2 id="drafts-list-heading" className="visually-hidden">
            All drafts
          </h2>
          {error && (
            <p className="alert" role="alert">
              <Icon name="alert" />
              <span>
                Could not load the drafts: {error.message}
                {drafts ? ' Showing the list from before; ' : ' '}
                trying again every few seconds.
              </span>
            </p>
          )}
          {drafts === null && !error && (
            <p className="muted" role="status">
              Loading drafts…
            </p>
          )}
          {drafts !== null && drafts.length === 0 && (
            <div className="empty-state">
              <p className="empty-state__title">No drafts yet.</p>
              <p>Start a new draft, or import a Markdown, HTML or text file below.</p>
            </div>
          )}
          {drafts !== null && drafts.length > 0 && <DraftsTable drafts={drafts} now={fetchedAt ?? new Date()} />}
        </section>

        <ImportDraft onImported={openDraft} />
      </main>
    </div>
  );
}
