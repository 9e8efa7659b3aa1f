import { useId, useState, type FormEvent } from 'react';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import { MAX_VERSION_NAME_CHARS } from '../../../shared/api/versions.ts';
import { ACTIONS, can } from '../../../shared/permissions/permissions.ts';
import { ApiError } from '../../api/ApiError.ts';
import { restoreVersion, saveVersion, type SignoffView, type VersionView } from '../../api/versions.ts';
import { rolesThatCan } from '../../identity/roleLabel.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { formatTime } from '../annotations/flagText.ts';
import { SignoffRecord } from '../signoff/SignoffRecord.tsx';
import { ExportLinks, LIVE, type ViewerRequest } from './VersionViewer.tsx';
import { versionKindLabel, versionTitle, wordDeltaText } from './versionWords.ts';
import '../../styles/versions.css';

export interface HistoryPanelProps {
  draftId: string;
  account: AccountSummary;
  versions: VersionView[] | null;
  versionsError: ApiError | null;
  signoffs: readonly SignoffView[];
  onRefresh: () => void;
  onOpenViewer: (request: ViewerRequest) => void;
}

type Entry = { kind: 'version'; at: string; version: VersionView } | { kind: 'signoff'; at: string; signoff: SignoffView };

/**
 * The draft's history, newest first: versions (named, automatic checkpoints,
 * restores) and sign-offs, each with who, when and the change in length.
 * Editors and chiefs save versions and restore them; anyone may view,
 * compare and export.
 */
export function HistoryPanel({ draftId, account, versions, versionsError, signoffs, onRefresh, onOpenViewer }: HistoryPanelProps) {
  const canEdit = can(account.role, ACTIONS.editCopy);
  const [restoring, setRestoring] = useState<VersionView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = new Map((versions ?? []).map((version) => [version.id, versionTitle(version)]));
  const entries: Entry[] = [
    ...(versions ?? []).map((version): Entry => ({ kind: 'version', at: version.createdAt, version })),
    ...signoffs.map((signoff): Entry => ({ kind: 'signoff', at: signoff.at, signoff })),
  ].sort((a, b) => b.at.localeCompare(a.at) || (a.kind === 'signoff' ? -1 : 1));

  return (
    <div className="history">
      {canEdit ? (
        <SaveVersionForm
          draftId={draftId}
          onSaved={(version) => {
            setNotice(`Saved the version “${versionTitle(version)}”.`);
            onRefresh();
          }}
        />
      ) : (
        <p className="note">
          <Icon name="info" />
          <span>You can view, compare and export versions; {rolesThatCan(ACTIONS.editCopy)} save and restore them.</span>
        </p>
      )}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      <div className="history__live">
        <button type="button" className="button button--small" onClick={() => onOpenViewer({ mode: 'compare', from: versions?.[0]?.id ?? LIVE, to: LIVE })} disabled={!versions?.length}>
          Compare live with the latest version
        </button>
        <ExportLinks draftId={draftId} />
      </div>
      {versionsError && (
        <p className="alert" role="alert">
          <Icon name="alert" />
          <span>Could not load the versions: {versionsError.message}</span>
        </p>
      )}
      {versions === null && !versionsError && (
        <p className="muted" role="status">
          Loading the history…
        </p>
      )}
      {versions !== null && entries.length === 0 && <p className="muted">No versions yet. Save one to mark a stage of the copy.</p>}
      <ol className="history__list" aria-label="Versions and sign-offs, newest first">
        {entries.map((entry) =>
          entry.kind === 'signoff' ? (
            <li key={`s-${entry.signoff.id}`} className="history-item history-item--signoff">
              <SignoffRecord signoff={entry.signoff} versionName={names.get(entry.signoff.versionId ?? '')} isCompact />
            </li>
          ) : (
            <VersionItem
              key={`v-${entry.version.id}`}
              draftId={draftId}
              version={entry.version}
              others={versions ?? []}
              canRestore={canEdit}
              onOpenViewer={onOpenViewer}
              onRestore={() => setRestoring(entry.version)}
            />
          ),
        )}
      </ol>
      <ConfirmDialog
        isOpen={restoring !== null}
        title={restoring ? `Restore “${versionTitle(restoring)}”?` : 'Restore'}
        description="The copy becomes this version's text, as a new edit on top of the live draft. Nothing is lost: the current text stays in the history, and everyone in the draft sees the change at once."
        confirmLabel="Restore this version"
        onConfirm={async () => {
          if (!restoring) return;
          try {
            await restoreVersion(draftId, restoring.id);
          } catch (caught) {
            throw new Error(`Could not restore: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
          }
          setNotice(`Restored “${versionTitle(restoring)}”.`);
          onRefresh();
        }}
        onClose={() => setRestoring(null)}
      />
    </div>
  );
}

function VersionItem({
  draftId,
  version,
  others,
  canRestore,
  onOpenViewer,
  onRestore,
}: {
  draftId: string;
  version: VersionView;
  others: readonly VersionView[];
  canRestore: boolean;
  onOpenViewer: (request: ViewerRequest) => void;
  onRestore: () => void;
}) {
  const title = versionTitle(version);
  const delta = wordDeltaText(version.wordDelta);
  const headingId = useId();
  const older = others.find((other) => other.createdAt < version.createdAt);
  return (
    <li className={`history-item history-item--${version.kind}`} aria-labelledby={headingId}>
      <div className="history-item__head">
        <h3 id={headingId} className="history-item__title">
          {title}
        </h3>
        <span className="history-item__kind">{versionKindLabel(version.kind)}</span>
      </div>
      <p className="history-item__meta">
        {version.author?.name ?? 'Copydesk'} · <time dateTime={version.createdAt}>{formatTime(version.createdAt)}</time>
        {delta && (
          <>
            {' '}
            · <span className={version.wordDelta !== null && version.wordDelta < 0 ? 'delta delta--down' : 'delta'}>{delta}</span>
          </>
        )}
      </p>
      <div className="history-item__actions">
        <button type="button" className="button button--small" onClick={() => onOpenViewer({ mode: 'view', versionId: version.id })}>
          <Icon name="eye" />
          View<span className="visually-hidden"> “{title}”</span>
        </button>
        <button type="button" className="button button--small" onClick={() => onOpenViewer({ mode: 'compare', from: version.id, to: LIVE })}>
          Compare with live<span className="visually-hidden">: “{title}”</span>
        </button>
        <details className="history-item__more">
          <summary className="button button--quiet button--small">
            More<span className="visually-hidden"> for “{title}”</span>
          </summary>
          <div className="history-item__more-body">
            {older && (
              <button type="button" className="link-button" onClick={() => onOpenViewer({ mode: 'compare', from: older.id, to: version.id })}>
                Compare with the version before
              </button>
            )}
            {others.length > 1 && (
              <button
                type="button"
                className="link-button"
                onClick={() => onOpenViewer({ mode: 'compare', from: version.id, to: others.find((other) => other.id !== version.id)!.id })}
              >
                Compare with another version…
              </button>
            )}
            {canRestore && (
              <button type="button" className="link-button" onClick={onRestore}>
                Restore this version…
              </button>
            )}
            <ExportLinks draftId={draftId} versionId={version.id} />
          </div>
        </details>
      </div>
    </li>
  );
}

function SaveVersionForm({ draftId, onSaved }: { draftId: string; onSaved: (version: VersionView) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Give the version a name, such as “after legal read”.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const version = await saveVersion(draftId, name.trim());
      setName('');
      onSaved(version);
    } catch (caught) {
      setError(`Could not save the version: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="save-version" onSubmit={(event) => void onSubmit(event)} noValidate>
      <label htmlFor={inputId} className="field__label">
        Version name
      </label>
      <div className="save-version__row">
        <input
          id={inputId}
          className="field__input field__input--compact"
          value={name}
          maxLength={MAX_VERSION_NAME_CHARS}
          placeholder="after legal read"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="button button--primary button--small" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save version'}
        </button>
      </div>
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
