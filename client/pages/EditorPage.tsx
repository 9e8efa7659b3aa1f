import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AccountSummary } from '../../shared/api/auth.ts';
import type { DraftSummary } from '../../shared/api/drafts.ts';
import { canFlag } from '../../shared/annotations/rules.ts';
import { ACTIONS, can, canWriteRootType } from '../../shared/permissions/permissions.ts';
import type { AwarenessUser } from '../../shared/protocol/awareness.ts';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { ApiError } from '../api/ApiError.ts';
import { getDraft } from '../api/drafts.ts';
import { Link } from '../app/Link.tsx';
import { useHash } from '../app/router.ts';
import { DraftEditor, type FlagRequest } from '../editor/DraftEditor.tsx';
import type { FlagActivation } from '../editor/extensions/FlagHighlights.ts';
import type { ThreadArrival } from '../panels/annotations/FlagThread.tsx';
import type { DraftSession } from '../editor/collab/createDraftSession.ts';
import { useConnectionState, useDraftSession, useFlags, useSessionUser } from '../editor/collab/useDraftSession.ts';
import type { CloseRemedy } from '../editor/collab/closeReasons.ts';
import { plainTextOfCopy } from '../editor/collab/plainTextOfCopy.ts';
import { HistoryPanel } from '../panels/history/HistoryPanel.tsx';
import { useVersions } from '../panels/history/useVersions.ts';
import { LIVE, VersionViewer, type ViewerRequest } from '../panels/history/VersionViewer.tsx';
import { versionTitle } from '../panels/history/versionWords.ts';
import { DeskControls } from '../panels/signoff/DeskControls.tsx';
import { LockNotice } from '../panels/signoff/LockNotice.tsx';
import { SpikedNotice } from '../panels/signoff/SpikedNotice.tsx';
import { RefusedEditsNotice } from '../panels/signoff/RefusedEditsNotice.tsx';
import { SignOffDialog } from '../panels/signoff/SignOffDialog.tsx';
import { SignoffBanner } from '../panels/signoff/SignoffBanner.tsx';
import { useDesk } from '../panels/signoff/useDesk.ts';
import { toAwarenessUser } from '../identity/awarenessUser.ts';
import { roleLabel, rolesThatCan } from '../identity/roleLabel.ts';
import { AccountMenu } from '../panels/account/AccountMenu.tsx';
import { AnnotationsPanel } from '../panels/annotations/AnnotationsPanel.tsx';
import { NewFlagDialog } from '../panels/annotations/NewFlagDialog.tsx';
import { PeopleDirectoryProvider } from '../panels/annotations/PeopleDirectory.tsx';
import { DraftTitle } from '../panels/draft/DraftTitle.tsx';
import { InboxButton } from '../panels/inbox/InboxButton.tsx';
import { PresenceBar } from '../panels/presence/PresenceBar.tsx';
import { ConnectionNotice } from '../panels/status/ConnectionNotice.tsx';
import { ConnectionPill } from '../panels/status/ConnectionPill.tsx';
import { SaveStatus } from '../panels/status/SaveStatus.tsx';
import { useHoldUnsentChanges } from '../panels/status/useHoldUnsentChanges.ts';
import { Icon } from '../ui/Icon.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

type SummaryState =
  | { status: 'loading' }
  | { status: 'loaded'; draft: DraftSummary }
  | { status: 'not-found' }
  /** No answer (offline) or a server error: the editor still opens from the local copy. */
  | { status: 'unavailable'; error: ApiError };

export interface EditorPageProps {
  draftId: string;
  account: AccountSummary;
}

/**
 * `/docs/:id`: one draft, live. The summary (title, last save) comes over REST;
 * the copy over the socket. A role that may not write the copy reads it: the
 * text can be selected, not changed, and a notice says so.
 */
export function EditorPage({ draftId, account }: EditorPageProps) {
  const summary = useDraftSummary(draftId);
  const user = useMemo(() => toAwarenessUser(account), [account]);
  const [generation, setGeneration] = useState(0);
  const session = useDraftSession(summary.state.status === 'not-found' ? null : draftId, user, account.id, generation);
  useSessionUser(session, user);
  useHoldUnsentChanges(session);
  const canRename = can(account.role, ACTIONS.renameDrafts);
  const desk = useDesk(draftId, session);
  const versions = useVersions(draftId, session);
  const [viewer, setViewer] = useState<ViewerRequest | null>(null);
  const [isSigningOff, setSigningOff] = useState(false);
  // Set once the page reopened a copy locked while this person edited: their refused version, as text.
  const [refusedText, setRefusedText] = useState<string | null>(null);
  const closeViewer = useCallback(() => setViewer(null), []);
  const versionName = (id: string | null) => {
    const version = id ? versions.versions?.find((candidate) => candidate.id === id) : undefined;
    return version ? versionTitle(version) : null;
  };

  // The server refused an edit because the copy was locked just then (CS19): drop this
  // tab's copy (it holds the refused edit) and open the draft afresh, now read-only,
  // keeping the person's own version as text for them to copy.
  const remedy = useConnectionRemedy(session);
  useEffect(() => {
    if (!session || remedy !== 'reopen-locked') return;
    let isCancelled = false;
    const ownVersion = plainTextOfCopy(session.body);
    void session.discardLocalCopy().finally(() => {
      if (isCancelled) return;
      setRefusedText(ownVersion);
      setGeneration((n) => n + 1);
      desk.refresh();
    });
    return () => {
      isCancelled = true;
    };
  }, [session, remedy, desk.refresh]);

  const title = summary.state.status === 'loaded' ? summary.state.draft.title : null;
  useEffect(() => {
    document.title = `${title?.trim() || 'Draft'} — Copydesk`;
  }, [title]);

  if (summary.state.status === 'not-found') {
    return <NotFoundPage title="Draft not found" message="This draft does not exist, or it has been deleted." />;
  }

  const draft = summary.state.status === 'loaded' ? summary.state.draft : null;
  const updatedAt = draft ? new Date(draft.updatedAt) : null;

  return (
    <div className="layout layout--editor">
      <header className="topbar topbar--editor">
        <Link to="/" className="back-link">
          <Icon name="arrowLeft" />
          <span>Drafts</span>
        </Link>
        <PageHeading className="visually-hidden">{draft ? `Editing “${draft.title}”` : 'Editing a draft'}</PageHeading>
        <DraftTitle
          draft={draft}
          onRenamed={summary.setDraft}
          cannotRenameReason={canRename ? null : `Only ${rolesThatCan(ACTIONS.renameDrafts)} can rename a draft.`}
        />
        <DeskControls
          draftId={draftId}
          account={account}
          desk={desk.desk}
          onChanged={desk.refresh}
          onRequestSignOff={() => setSigningOff(true)}
        />
        <div className="topbar__status">
          {session && <ConnectionPill session={session} />}
          {session && (
            <SaveStatus session={session} serverUpdatedAt={updatedAt && !Number.isNaN(updatedAt.getTime()) ? updatedAt : null} />
          )}
        </div>
        <span className="topbar__spacer" />
        {session && <PresenceBar session={session} />}
        <InboxButton />
        <AccountMenu account={account} isCompact />
      </header>
      {summary.state.status === 'unavailable' && !summary.state.error.isNetworkError && (
        <p className="banner" role="alert">
          Could not load the draft's details: {summary.state.error.message}
        </p>
      )}
      {session && <ConnectionNotice session={session} />}
      {refusedText !== null && <RefusedEditsNotice refusedText={refusedText} onDismiss={() => setRefusedText(null)} />}
      {desk.desk?.state === 'spiked' && <SpikedNotice canBringBack={can(account.role, ACTIONS.editCopy)} />}
      <SignoffBanner
        desk={desk.desk}
        signoffs={desk.signoffs}
        versionName={versionName}
        onCompareWithSigned={(versionId) => setViewer({ mode: 'compare', from: versionId, to: LIVE })}
      />
      <main className="editor-main">
        {session ? (
          <EditorForSession
            session={session}
            user={user}
            account={account}
            lockNotice={
              desk.desk?.locked ? (
                <LockNotice draftId={draftId} desk={desk.desk} canUnlock={can(account.role, ACTIONS.signOff)} onUnlocked={desk.refresh} />
              ) : null
            }
            history={
              <HistoryPanel
                draftId={draftId}
                account={account}
                versions={versions.versions}
                versionsError={versions.error}
                signoffs={desk.signoffs}
                onRefresh={() => {
                  versions.refresh();
                  desk.refresh();
                }}
                onOpenViewer={setViewer}
              />
            }
            onSignedOff={desk.refresh}
            isSigningOff={isSigningOff}
            isSpiked={desk.desk?.state === 'spiked'}
            onCloseSignOff={() => setSigningOff(false)}
          />
        ) : (
          <p className="page-loading" role="status">
            Opening the draft…
          </p>
        )}
      </main>
      <VersionViewer draftId={draftId} request={viewer} versions={versions.versions ?? []} onChange={setViewer} onClose={closeViewer} />
    </div>
  );
}

interface EditorForSessionProps {
  session: DraftSession;
  user: AwarenessUser;
  account: AccountSummary;
  /** Set while the copy is locked (see DraftEditor). */
  lockNotice: ReactNode;
  /** The History tab of the side panel. */
  history: ReactNode;
  isSigningOff: boolean;
  /** The draft is spiked: the sign-off dialog says to bring it back first. */
  isSpiked: boolean;
  onCloseSignOff: () => void;
  onSignedOff: () => void;
}

/** The editor for one session; a new session (StrictMode, another draft) gets a new editor. */
function EditorForSession({ session, user, account, lockNotice, history, isSigningOff, isSpiked, onCloseSignOff, onSignedOff }: EditorForSessionProps) {
  const flags = useFlags(session);
  const connection = useConnectionState(session);
  const canWriteCopy = canWriteRootType(account.role, ROOT_TYPES.body);
  const flagState = useFlagState();
  const { openFlagId, setOpenFlagId, hoveredFlagId, setHoveredFlagId, threadArrival, activateFlag, onThreadArrived } = flagState;
  const [isCleanCopy, setCleanCopy] = useState(false);
  const [flagRequest, setFlagRequest] = useState<FlagRequest | null>(null);

  return (
    <PeopleDirectoryProvider>
      <DraftEditor
        key={`${session.draftId}:${session.doc.clientID}`}
        session={session}
        user={user}
        isReadOnly={connection.kind === 'closed'}
        canWriteCopy={canWriteCopy}
        lockNotice={lockNotice}
        readerNotice={
          <>
            <Icon name="lock" />
            <span>You’re reading as {roleLabel(account.role)} — you can select text and flag it, but not change the copy.</span>
          </>
        }
        flagging={{
          cannotFlagReason: canFlag(account.role) ? null : `As ${roleLabel(account.role)}, you can read flags but not raise them; ${rolesThatCan(ACTIONS.flag)} can.`,
          onRequestFlag: setFlagRequest,
          onHoverFlag: setHoveredFlagId,
          onActivateFlag: activateFlag,
          isCleanCopy,
          onCleanCopyChange: setCleanCopy,
        }}
        aside={
          isCleanCopy
            ? undefined
            : (editor) => (
            <AnnotationsPanel
              draftId={session.draftId}
              session={session}
              editor={editor}
              account={account}
              openFlagId={openFlagId}
              onOpenFlag={setOpenFlagId}
              threadArrival={threadArrival}
              onThreadArrived={onThreadArrived}
              hoveredFlagId={hoveredFlagId}
              onHoverFlag={setHoveredFlagId}
              history={history}
            />
              )
        }
        dialogs={(editor) => (
          <SignOffDialog
            draftId={session.draftId}
            editor={editor}
            isOpen={isSigningOff}
            isSpiked={isSpiked}
            flags={flags}
            onClose={onCloseSignOff}
            onSignedOff={() => {
              onCloseSignOff();
              onSignedOff();
            }}
          />
        )}
      />
      <NewFlagDialog
        draftId={session.draftId}
        request={flagRequest}
        onClose={() => setFlagRequest(null)}
        onCreated={(id) => {
          setFlagRequest(null);
          // As a tap on it would: its thread comes into view where the panel sits out of sight (a phone).
          activateFlag(id, 'pointer');
        }}
      />
    </PeopleDirectoryProvider>
  );
}

const FLAG_HASH_PREFIX = 'flag-';

/**
 * Which flag's thread is open (kept in the address as `#flag-<id>`, so a link
 * from the inbox opens it and the address can be shared), how it was opened
 * from the copy (its thread may take the focus), and which flag the pointer
 * is on, in the copy or in the panel.
 */
function useFlagState() {
  const hash = useHash();
  const fromHash = hash.startsWith(FLAG_HASH_PREFIX) ? safeDecode(hash.slice(FLAG_HASH_PREFIX.length)) : null;
  const [openFlagId, setOpenFlag] = useState<string | null>(fromHash);
  const [hoveredFlagId, setHoveredFlagId] = useState<string | null>(null);
  useEffect(() => {
    if (fromHash) setOpenFlag(fromHash);
  }, [fromHash]);
  const setOpenFlagId = useCallback((id: string | null) => {
    setOpenFlag(id);
    const next = id ? `#${FLAG_HASH_PREFIX}${encodeURIComponent(id)}` : '';
    if (location.hash !== next) history.replaceState(null, '', location.pathname + location.search + next);
  }, []);
  const [threadArrival, setThreadArrival] = useState<ThreadArrival | null>(null);
  const activateFlag = useCallback(
    (flagId: string, how: FlagActivation) => {
      setOpenFlagId(flagId);
      setThreadArrival({ flagId, how });
    },
    [setOpenFlagId],
  );
  const onThreadArrived = useCallback(() => setThreadArrival(null), []);
  return { openFlagId, setOpenFlagId, hoveredFlagId, setHoveredFlagId, threadArrival, activateFlag, onThreadArrived };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function useDraftSummary(draftId: string) {
  const [state, setState] = useState<SummaryState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getDraft(draftId, controller.signal).then(
      (draft) => setState({ status: 'loaded', draft }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found' });
        else setState({ status: 'unavailable', error: error instanceof ApiError ? error : new ApiError('internal_error', String(error), 0) });
      },
    );
    return () => controller.abort();
  }, [draftId]);

  const setDraft = (draft: DraftSummary) => setState({ status: 'loaded', draft });
  return { state, setDraft };
}

/** The remedy of a permanent close of `session`'s connection, or null while it is open or retrying. */
function useConnectionRemedy(session: DraftSession | null): CloseRemedy | null {
  const [remedy, setRemedy] = useState<CloseRemedy | null>(null);
  useEffect(() => {
    if (!session) return;
    const read = () => setRemedy(session.connection.state.get().remedy);
    read();
    return session.connection.state.subscribe(read);
  }, [session]);
  return session ? remedy : null;
}
