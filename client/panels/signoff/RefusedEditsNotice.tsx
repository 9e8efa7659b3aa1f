import { useId } from 'react';
import { Icon } from '../../ui/Icon.tsx';
import { useCopyText } from '../../ui/useCopyText.ts';

/**
 * Shown after the copy was locked on sign-off while this person edited: the
 * server refused their changes and the page reopened the signed-off text.
 * Their own version, as plain text, stays here to copy (into a note, or to
 * the desk chief) until they dismiss it: words typed offline for an hour must
 * not simply vanish.
 */
export function RefusedEditsNotice({ refusedText, onDismiss }: { refusedText: string; onDismiss: () => void }) {
  const textId = useId();
  const [copied, copy] = useCopyText();

  return (
    <div className="note note--banner refused-edits" role="status">
      <Icon name="lock" />
      <div className="refused-edits__body">
        <p>
          The copy was locked on sign-off while you were editing, so your changes were not kept. This is the signed-off
          text.
        </p>
        {refusedText && (
          <details>
            <summary>Your version, to copy</summary>
            <label htmlFor={textId} className="visually-hidden">
              Your version of the copy
            </label>
            <textarea id={textId} className="field__input refused-edits__text" readOnly rows={8} value={refusedText} />
            <button type="button" className="button button--small" onClick={() => void copy(refusedText)}>
              <Icon name="copy" />
              Copy your version
            </button>
            <span className="muted refused-edits__copied" role="status">
              {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the text and copy it.' : ''}
            </span>
          </details>
        )}
      </div>
      <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
