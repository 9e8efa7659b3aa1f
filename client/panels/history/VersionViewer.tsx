import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import {
  compareVersions,
  EXPORT_FORMATS,
  exportUrl,
  getVersion,
  type CompareAnswer,
  type VersionContent,
  type VersionFlag,
  type VersionView,
} from '../../api/versions.ts';
import { VersionDocument } from '../../editor/VersionDocument.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { formatTime } from '../annotations/flagText.ts';
import { countChanges, type ChangeCount } from './changeCount.ts';
import { versionTitle } from './versionWords.ts';

export const LIVE = 'live';

/** What the viewer shows: one version, or the difference between two sides (version ids or `live`). */
export type ViewerRequest = { mode: 'view'; versionId: string } | { mode: 'compare'; from: string; to: string };

export interface VersionViewerProps {
  draftId: string;
  request: ViewerRequest | null;
  versions: readonly VersionView[];
  onChange: (request: ViewerRequest) => void;
  onClose: () => void;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'view'; answer: VersionContent }
  | { status: 'compare'; answer: CompareAnswer; count: ChangeCount };

/**
 * A version read-only, or a compare, in a large modal dialog over the editor:
 * the copy is drawn with the editor's own typography (inserted text
 * underlined and tinted, deleted text struck through and tinted, each also
 * named for screen readers), with a count of changes and each side's flags.
 */
export function VersionViewer({ draftId, request, versions, onChange, onClose }: VersionViewerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);

  useEffect(() => {
    const dialog = ref.current;
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog?.addEventListener('cancel', onCancel);
    return () => dialog?.removeEventListener('cancel', onCancel);
  }, [onClose]);

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    const fail = (caught: unknown) => {
      if (!controller.signal.aborted) setLoaded({ status: 'error', message: caught instanceof ApiError ? caught.message : 'something went wrong.' });
    };
    if (request.mode === 'view') {
      getVersion(draftId, request.versionId, controller.signal).then((answer) => setLoaded({ status: 'view', answer }), fail);
    } else {
      compareVersions(draftId, request.from, request.to, controller.signal).then(
        (answer) => setLoaded({ status: 'compare', answer, count: countChanges(answer) }),
        fail,
      );
    }
    return () => controller.abort();
  }, [draftId, key]);

  const nameOf = (id: string) => {
    if (id === LIVE) return 'the live draft';
    const version = versions.find((candidate) => candidate.id === id);
    return version ? `“${versionTitle(version)}”` : 'a version';
  };
  const title = !request
    ? 'Version'
    : request.mode === 'view'
      ? `Version ${nameOf(request.versionId)}`
      : `Compare ${nameOf(request.from)} with ${nameOf(request.to)}`;

  return (
    <dialog ref={ref} className="dialog version-viewer" aria-labelledby={titleId}>
      {request && (
        <>
          <header className="version-viewer__head">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
              <Icon name="close" />
              Close
            </button>
          </header>
          {request.mode === 'compare' && <CompareSides request={request} versions={versions} onChange={onChange} />}
          <div className="version-viewer__body">
            {loaded.status === 'loading' && (
              <p className="muted" role="status">
                Loading…
              </p>
            )}
            {loaded.status === 'error' && (
              <p className="alert" role="alert">
                <Icon name="alert" />
                <span>Could not open it: {loaded.message}</span>
              </p>
            )}
            {loaded.status === 'view' && (
              <>
                <div className="version-viewer__meta">
                  <p className="muted">
                    {loaded.answer.version.author ? `Saved by ${loaded.answer.version.author.name}` : 'Saved by Copydesk'},{' '}
                    <time dateTime={loaded.answer.version.createdAt}>{formatTime(loaded.answer.version.createdAt)}</time> · read-only
                  </p>
                  <ExportLinks draftId={draftId} versionId={loaded.answer.version.id} />
                  <FlagSides sides={[{ label: 'Flags in this version', flags: loaded.answer.flags }]} />
                </div>
                <VersionDocument content={loaded.answer.content} label={`Version ${nameOf(request.mode === 'view' ? request.versionId : '')}, read-only`} />
              </>
            )}
            {loaded.status === 'compare' && request.mode === 'compare' && (
              <>
                <div className="version-viewer__meta">
                  <div className="compare-count">
                    <p role="status">
                    <strong>
                      {loaded.count.total} {loaded.count.total === 1 ? 'change' : 'changes'}
                    </strong>
                    {loaded.count.total > 0 && loaded.count.inserted + loaded.count.deleted === loaded.count.total && (
                      <span className="muted">
                        {' '}
                        ({loaded.count.inserted} inserted, {loaded.count.deleted} deleted)
                      </span>
                    )}
                    </p>
                    {loaded.count.total > 0 && <NextChangeButton />}
                  </div>
                  <p className="compare-legend">
                    <ins className="diff diff--insert">inserted text</ins> is underlined;{' '}
                    <del className="diff diff--delete">deleted text</del> is struck through.
                  </p>
                  <FlagSides
                    sides={[
                      { label: `Flags in ${nameOf(request.from)}`, flags: loaded.answer.flagsFrom },
                      { label: `Flags in ${nameOf(request.to)}`, flags: loaded.answer.flagsTo },
                    ]}
                  />
                </div>
                <VersionDocument content={loaded.answer.diff} label={`Changes from ${nameOf(request.from)} to ${nameOf(request.to)}`} />
              </>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}

function CompareSides({
  request,
  versions,
  onChange,
}: {
  request: Extract<ViewerRequest, { mode: 'compare' }>;
  versions: readonly VersionView[];
  onChange: (request: ViewerRequest) => void;
}) {
  const fromId = useId();
  const toId = useId();
  const options = (
    <>
      <option value={LIVE}>Live draft (now)</option>
      {versions.map((version) => (
        <option key={version.id} value={version.id}>
          {versionTitle(version)} — {formatTime(version.createdAt)}
        </option>
      ))}
    </>
  );
  return (
    <div className="compare-sides">
      <label htmlFor={fromId}>From</label>
      <select id={fromId} className="field__input field__input--compact" value={request.from} onChange={(e) => onChange({ ...request, from: e.target.value })}>
        {options}
      </select>
      <label htmlFor={toId}>to</label>
      <select id={toId} className="field__input field__input--compact" value={request.to} onChange={(e) => onChange({ ...request, to: e.target.value })}>
        {options}
      </select>
    </div>
  );
}

/** Export links of one version (or, without `versionId`, the live draft). */
export function ExportLinks({ draftId, versionId }: { draftId: string; versionId?: string }) {
  return (
    <p className="export-links">
      <span className="export-links__label">Export:</span>
      {EXPORT_FORMATS.map(({ format, label }) => (
        <a key={format} href={exportUrl(draftId, format, versionId)} className="button button--quiet button--small" download>
          {label}
        </a>
      ))}
    </p>
  );
}

function FlagSides({ sides }: { sides: { label: string; flags: VersionFlag[] }[] }) {
  return (
    <div className="flag-sides">
      {sides.map((side) => (
        <details key={side.label} className="flag-side">
          <summary>
            {side.label} ({side.flags.length})
          </summary>
          {side.flags.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="flag-side__list">
              {side.flags.map((flag) => (
                <li key={flag.id}>
                  <strong>{FLAG_WORDS[flag.kind] ?? flag.kind}</strong>, {flag.status === 'resolved' ? 'resolved' : 'open'}: “{flag.quote}”
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </div>
  );
}

const FLAG_WORDS: Record<string, string> = { claim: 'Claim', 'source-needed': 'Source needed', 'legal-risk': 'Legal risk' };

/** Moves to the next inserted or deleted run in the compare, outlined, scrolled into the middle. */
function NextChangeButton() {
  const [index, setIndex] = useState(-1);
  const next = (event: { currentTarget: HTMLElement }) => {
    const root = event.currentTarget.closest('.version-viewer');
    const runs = [...(root?.querySelectorAll<HTMLElement>('.copy .diff') ?? [])].filter(
      (run) => !(run.previousSibling instanceof HTMLElement && run.previousSibling.tagName === run.tagName),
    );
    if (runs.length === 0) return;
    const at = (index + 1) % runs.length;
    root?.querySelectorAll('.diff--current').forEach((run) => run.classList.remove('diff--current'));
    runs[at]!.classList.add('diff--current');
    runs[at]!.scrollIntoView({ block: 'center', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    setIndex(at);
  };
  return (
    <button type="button" className="button button--small" onClick={next}>
      {index < 0 ? 'Go to the first change' : 'Next change'}
    </button>
  );
}
