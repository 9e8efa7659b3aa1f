import { useEffect, useId, useMemo, useState } from 'react';
import type { AccountSummary } from '../../shared/api/auth.ts';
import type { DraftSummary } from '../../shared/api/drafts.ts';
import { ACTIONS, can } from '../../shared/permissions/permissions.ts';
import { ApiError } from '../api/ApiError.ts';
import { createDraft } from '../api/drafts.ts';
import { navigate } from '../app/router.ts';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { useIsOffline } from '../app/useIsOffline.ts';
import { draftsWithOfflineCopy } from '../editor/collab/offlineCopies.ts';
import { roleLabel, rolesThatCan } from '../identity/roleLabel.ts';
import { DraftsTable } from '../panels/drafts/DraftsTable.tsx';
import { ImportDraft } from '../panels/drafts/ImportDraft.tsx';
import { useDraftList } from '../panels/drafts/useDraftList.ts';
import { shownTitle, titleMatches } from '../panels/drafts/titleSearch.ts';
import { listViewFromSearch, searchOfListView } from '../panels/drafts/listView.ts';
import { DESK_STATES, type DeskState } from '../api/versions.ts';
import { DESK_STATE_WORDS } from '../panels/signoff/deskStateWords.ts';
import { Icon } from '../ui/Icon.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import '../styles/drafts.css';

/**
 * `/`: every draft, a button for a new one, and the importer. Roles that may
 * not create drafts see the button switched off and the importer replaced,
 * each with the reason in words.
 */
export function DraftsPage({ account }: { account: AccountSummary }) {
  const [view, setView] = useState(() => listViewFromSearch(location.search));
  const { state: stateFilter, query } = view;
  const setStateFilter = (state: DeskState | null) => setView((current) => ({ ...current, state }));
  const setQuery = (text: string) => setView((current) => ({ ...current, query: text }));
  useEffect(() => {
    // Replaced, not pushed: Back leaves the list rather than undoing each letter typed.
    const search = searchOfListView(view);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }, [view]);
  const { drafts, error, fetchedAt } = useDraftList(stateFilter);
  const filterId = useId();
  const searchId = useId();
  // The whole list leaves spiked drafts out: killed stories would crowd the desk's view for good.
  const listed = useMemo(() => (stateFilter || !drafts ? drafts : drafts.filter((draft) => draft.state !== 'spiked')), [drafts, stateFilter]);
  const spikedCount = drafts && listed ? drafts.length - listed.length : 0;
  const shown = useMemo(() => listed?.filter((draft) => titleMatches(shownTitle(draft.title), query)) ?? null, [listed, query]);
  const isSearching = query.trim() !== '';
  const isOffline = useIsOffline();
  const withOfflineCopy = useDraftsWithOfflineCopy(account.id, isOffline);
  const [isCreating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const canCreate = can(account.role, ACTIONS.createDrafts);
  const whyNotId = useId();
  const whyNot = `As ${roleLabel(account.role)}, you can read drafts but not create or import them; ${rolesThatCan(ACTIONS.createDrafts)} can.`;

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
      <SiteHeader account={account} />
      <main className="drafts-page">
        <div className="drafts-page__head">
          <PageHeading>Drafts</PageHeading>
          {canCreate ? (
            <button type="button" className="button button--primary" onClick={() => void onNewDraft()} disabled={isCreating}>
              <Icon name="plus" />
              {isCreating ? 'Creating…' : 'New draft'}
            </button>
          ) : (
            // Focusable (aria-disabled, not disabled) so keyboard and screen-reader users meet the reason too.
            <button type="button" className="button button--primary" aria-disabled="true" aria-describedby={whyNotId}>
              <Icon name="lock" />
              New draft
            </button>
          )}
        </div>
        {!canCreate && (
          <p id={whyNotId} className="note">
            <Icon name="info" />
            <span>{whyNot}</span>
          </p>
        )}
        {createError && (
          <p className="alert" role="alert">
            <Icon name="alert" />
            <span>{createError}</span>
          </p>
        )}

        <section aria-labelledby="drafts-list-heading" className="drafts-page__list">
          <h2 id="drafts-list-heading" className="visually-hidden">
            {stateFilter ? `Drafts in ${DESK_STATE_WORDS[stateFilter].label.toLowerCase()}` : 'All drafts but the spiked'}
          </h2>
          <div className="drafts-filter">
            {/* Each label stays with its control when a narrow window wraps the row. */}
            <span className="drafts-filter__item">
              <label htmlFor={filterId} className="drafts-filter__label">
                Show
              </label>
              <select
                id={filterId}
                className="field__input field__input--compact"
                value={stateFilter ?? ''}
                onChange={(event) => setStateFilter((event.target.value || null) as DeskState | null)}
              >
                <option value="">All but spiked</option>
                {DESK_STATES.map((state) => (
                  <option key={state} value={state}>
                    {DESK_STATE_WORDS[state].label}
                  </option>
                ))}
              </select>
            </span>
            <span className="drafts-filter__item drafts-filter__item--search">
              <label htmlFor={searchId} className="drafts-filter__label">
                Find
              </label>
              <input
                id={searchId}
                type="search"
                className="field__input field__input--compact drafts-filter__search"
                placeholder="Words of the title"
                autoComplete="off"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </span>
          </div>
          {isSearching && shown !== null && listed !== null && listed.length > 0 && (
            <p className="muted drafts-filter__count" role="status">
              {shown.length === 0
                ? `No draft title has the words “${query.trim()}”.`
                : `${shown.length} of ${listed.length} ${listed.length === 1 ? 'draft' : 'drafts'}`}
            </p>
          )}
          {error && (
            <p className="alert" role="alert">
              <Icon name="alert" />
              <span>
                Could not load the drafts: {error.message}
                {drafts ? ' Showing the list from before; trying again every few seconds.' : ' Trying again every few seconds.'}
              </span>
            </p>
          )}
          {isOffline && drafts !== null && !error && (
            <p className="note" role="status">
              <Icon name="info" />
              <span>
                You’re offline. This is the list as it was when you were last connected; drafts you have
                opened in this browser open from the copy kept here, the others need the connection.
              </span>
            </p>
          )}
          {drafts === null && !error && (
            <p className="muted" role="status">
              Loading drafts…
            </p>
          )}
          {drafts !== null && drafts.length === 0 && stateFilter && (
            <p className="muted">No drafts are in “{DESK_STATE_WORDS[stateFilter].label}”.</p>
          )}
          {listed !== null && listed.length === 0 && spikedCount > 0 && <p className="muted">Every draft is spiked.</p>}
          {drafts !== null && drafts.length === 0 && !stateFilter && (
            <div className="empty-state">
              <p className="empty-state__title">No drafts yet.</p>
              <p>
                {canCreate
                  ? 'Start a new draft, or import a Markdown, HTML or text file below.'
                  : 'Drafts appear here once an editor starts one.'}
              </p>
            </div>
          )}
          {shown !== null && shown.length > 0 && <DraftsTable drafts={shown} now={fetchedAt ?? new Date()} isOffline={isOffline} withOfflineCopy={withOfflineCopy} />}
          {spikedCount > 0 && (
            <p className="muted drafts-page__spiked">
              <Icon name="spike" />
              <span>
                {spikedCount === 1 ? '1 spiked draft is' : `${spikedCount} spiked drafts are`} not listed.{' '}
                <button type="button" className="link-button" onClick={() => setStateFilter('spiked')}>
                  Show spiked drafts
                </button>
              </span>
            </p>
          )}
        </section>

        {canCreate && <ImportDraft onImported={openDraft} />}
      </main>
    </div>
  );
}

/** Offline, the drafts this account can open from this browser's copies; undefined online or when not known. */
function useDraftsWithOfflineCopy(accountId: string, isOffline: boolean): Set<string> | undefined {
  const [drafts, setDrafts] = useState<Set<string> | undefined>(undefined);
  useEffect(() => {
    if (!isOffline) {
      setDrafts(undefined);
      return;
    }
    let isCurrent = true;
    void draftsWithOfflineCopy(accountId).then((found) => {
      if (isCurrent) setDrafts(found);
    });
    return () => {
      isCurrent = false;
    };
  }, [accountId, isOffline]);
  return drafts;
}
