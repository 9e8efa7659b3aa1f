import type { SignoffView } from '../../api/versions.ts';
import { Icon } from '../../ui/Icon.tsx';
import { useCopyText } from '../../ui/useCopyText.ts';
import { formatTime } from '../annotations/flagText.ts';

/** How many hex digits of the hash are shown; the whole hash is copied and read out. */
const SHORT_HASH_CHARS = 12;

export interface SignoffRecordProps {
  signoff: SignoffView;
  /** The version's name, when known ("after legal read"). */
  versionName?: string | null;
  /** A smaller card for lists; the override stays prominent in both. */
  isCompact?: boolean;
}

/**
 * One sign-off as the record it is: who, when, which version, the content
 * hash (shortened, with a copy button), the note, and the override reason,
 * shown prominently (icon, heading, border) wherever the sign-off is.
 */
export function SignoffRecord({ signoff, versionName, isCompact = false }: SignoffRecordProps) {
  const openLegal = signoff.openFlags.filter((flag) => flag.kind === 'legal-risk' && flag.status !== 'resolved');
  return (
    <div className={isCompact ? 'signoff-record signoff-record--compact' : 'signoff-record'}>
      <p className="signoff-record__who">
        <Icon name="check" />
        <span>
          Signed off by <strong>{signoff.by?.name ?? 'a chief editor'}</strong>,{' '}
          <time dateTime={signoff.at}>{formatTime(signoff.at)}</time>
        </span>
      </p>
      <dl className="signoff-record__facts">
        {(versionName || signoff.versionId) && (
          <div>
            <dt>Version</dt>
            <dd>{versionName || signoff.versionId}</dd>
          </div>
        )}
        <div>
          <dt>Hash</dt>
          <dd>
            <HashWithCopy hash={signoff.hash} />
          </dd>
        </div>
        {signoff.note.trim() !== '' && (
          <div>
            <dt>Note</dt>
            <dd className="signoff-record__note">{signoff.note}</dd>
          </div>
        )}
        {signoff.openFlags.length > 0 && (
          <div>
            <dt>Open flags then</dt>
            <dd>
              {signoff.openFlags.length} ({openLegal.length} legal risk)
            </dd>
          </div>
        )}
      </dl>
      {signoff.override && (
        <div className="signoff-override" role="note" aria-label="Override">
          <p className="signoff-override__title">
            <Icon name="alert" />
            Signed off over {openLegal.length === 1 ? 'an open legal-risk flag' : `${openLegal.length || 'open'} legal-risk flags`}
          </p>
          <p>
            <span className="signoff-override__label">Override reason:</span> {signoff.override}
          </p>
        </div>
      )}
    </div>
  );
}

/** The first SHORT_HASH_CHARS of a hash, the whole of it for screen readers and the tooltip, and a copy button. */
export function HashWithCopy({ hash }: { hash: string }) {
  const [copied, copy] = useCopyText({ resetAfterMs: 2500 });
  return (
    <span className="hash">
      <code className="hash__value" title={hash}>
        <span aria-hidden="true">{hash.slice(0, SHORT_HASH_CHARS)}…</span>
        <span className="visually-hidden">{hash}</span>
      </code>
      <button type="button" className="button button--quiet button--small hash__copy" onClick={() => void copy(hash)}>
        <Icon name={copied === 'copied' ? 'check' : 'copy'} />
        {copied === 'copied' ? 'Copied' : 'Copy hash'}
      </button>
      <span className="visually-hidden" role="status">
        {copied === 'copied' ? 'Hash copied' : copied === 'failed' ? 'Could not copy; select the hash instead.' : ''}
      </span>
    </span>
  );
}
