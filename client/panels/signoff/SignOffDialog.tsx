import type { Editor } from '@tiptap/core';
import { useId, useState, type FormEvent } from 'react';
import { FLAG_KIND_NAMES, FLAG_KINDS, type FlagKind } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { ApiError } from '../../api/ApiError.ts';
import { useFlagLayout } from '../../editor/flags/useFlagLayout.ts';
import { refusedLegalFlags, signOff, type VersionFlag } from '../../api/versions.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { ClaimCheckTag } from '../annotations/ClaimCheckTag.tsx';
import { KindBadge } from '../annotations/KindBadge.tsx';
import { openFlagsForSignOff } from './openFlagsForSignOff.ts';
import { shortQuote } from '../../ui/shortQuote.ts';

export interface SignOffDialogProps {
  draftId: string;
  /** The live editor: its flag layout gives the document order of the list. */
  editor: Editor;
  isOpen: boolean;
  /** A spiked draft is not signed off (the server refuses): the dialog says how to bring it back instead. */
  isSpiked: boolean;
  /** The draft's flags, live: the open ones are listed, and open legal-risk ones ask for an override reason. */
  flags: readonly Flag[];
  onClose: () => void;
  /** The server recorded the sign-off (it reaches every page live). */
  onSignedOff: () => void;
}

/**
 * The chief's sign-off: a note, the flags open right now, an override reason
 * (required while legal-risk flags are open; the server refuses without one,
 * and its message is shown), and whether to lock the copy.
 */
export function SignOffDialog(props: SignOffDialogProps) {
  return (
    <Dialog
      isOpen={props.isOpen}
      title="Sign off this draft"
      description={
        props.isSpiked
          ? 'This draft is spiked, so it cannot be signed off. Move it to another state first (Move to…, in the top bar), then sign it off.'
          : 'Records the copy as it is now, with a hash of its content, your name, the time and the flags open at this moment. A sign-off cannot be changed afterwards.'
      }
      onDismiss={props.onClose}
    >
      {props.isOpen && (props.isSpiked ? <SpikedRefusal onClose={props.onClose} /> : <SignOffForm {...props} />)}
    </Dialog>
  );
}

/** Instead of the form (the dialog's description says why): a killed story is brought back before anyone clears it to run. */
function SpikedRefusal({ onClose }: { onClose: () => void }) {
  return (
    <div className="form__actions">
      <span className="form__spacer" />
      <button type="button" className="button button--primary" autoFocus onClick={onClose}>
        Close
      </button>
    </div>
  );
}

function SignOffForm({ draftId, editor, flags, onClose, onSignedOff }: SignOffDialogProps) {
  const layout = useFlagLayout(editor);
  const openFlags = openFlagsForSignOff(flags, layout.order);
  const openLegal = openFlags.filter((flag) => flag.kind === FLAG_KINDS.legalRisk);
  const [note, setNote] = useState('');
  const [override, setOverride] = useState('');
  const [lock, setLock] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The open legal-risk flags the server's 409 listed: shown with its refusal.
  const [refusedFlags, setRefusedFlags] = useState<VersionFlag[]>([]);
  const [overrideError, setOverrideError] = useState<string | null>(null);
  // The server may know of legal flags this page has not drawn yet: its 409 asks for the reason too.
  const [isOverrideAsked, setOverrideAsked] = useState(false);
  const [isSending, setSending] = useState(false);
  const noteId = useId();
  const overrideId = useId();
  const overrideHintId = useId();
  const overrideErrorId = useId();
  const lockId = useId();
  const needsOverride = openLegal.length > 0 || isOverrideAsked;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (needsOverride && override.trim() === '') {
      setOverrideError('Give the reason for signing off while legal-risk flags are open.');
      document.getElementById(overrideId)?.focus();
      return;
    }
    setSending(true);
    setError(null);
    setRefusedFlags([]);
    try {
      await signOff(draftId, {
        note: note.trim(),
        ...(needsOverride ? { override: override.trim() } : {}),
        ...(lock ? { lock: true } : {}),
      });
      onSignedOff();
    } catch (caught) {
      const refused = refusedLegalFlags(caught);
      // Only a refusal over legal flags asks for a reason; a 409 for another cause (the draft spiked meanwhile) does not.
      if (refused.length > 0) setOverrideAsked(true);
      setRefusedFlags(refused);
      setError(`The sign-off was refused: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
      setSending(false);
    }
  };

  return (
    <form className="form signoff-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <section aria-labelledby={`${noteId}-flags`} className="signoff-form__flags">
        <h3 id={`${noteId}-flags`} className="signoff-form__heading">
          Open flags ({openFlags.length})
        </h3>
        {openFlags.length === 0 ? (
          <p className="muted">No flags are open.</p>
        ) : (
          // Focusable, being a region that scrolls: the keys can reach the flags below its fold.
          <ul className="signoff-form__flag-list" tabIndex={0} aria-labelledby={`${noteId}-flags`}>
            {openFlags.map((flag) => (
              <li key={flag.id}>
                <span className="signoff-form__flag-meta">
                  <KindBadge kind={flag.kind} />
                  <ClaimCheckTag flag={flag} />
                </span>
                <span className="signoff-form__quote">“{shortQuote(flag.quote, LISTED_QUOTE_CHARS)}”</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="field">
        <label htmlFor={noteId} className="field__label">
          Note <span className="field__optional">(optional)</span>
        </label>
        <textarea id={noteId} className="field__input field__textarea" rows={2} value={note} autoFocus onChange={(e) => setNote(e.target.value)} />
      </div>
      {needsOverride && (
        <div className="field signoff-form__override">
          <p className="signoff-form__warning">
            <Icon name="alert" />
            <span>
              {openLegal.length > 0
                ? `${openLegal.length === 1 ? 'One legal-risk flag is' : `${openLegal.length} legal-risk flags are`} open.`
                : 'The server reports open legal-risk flags.'}{' '}
              Signing off now is an override: your reason is recorded and shown with the sign-off.
            </span>
          </p>
          <label htmlFor={overrideId} className="field__label">
            Override reason <span className="field__required">(required)</span>
          </label>
          <textarea
            id={overrideId}
            className="field__input field__textarea"
            rows={3}
            value={override}
            aria-required="true"
            aria-invalid={overrideError ? true : undefined}
            aria-describedby={overrideError ? `${overrideErrorId} ${overrideHintId}` : overrideHintId}
            onChange={(event) => {
              setOverride(event.target.value);
              setOverrideError(null);
            }}
          />
          <p id={overrideHintId} className="field__hint">
            For example: “Cleared by phone with the duty lawyer, 14:10.”
          </p>
          {overrideError && (
            <p id={overrideErrorId} className="field__error" role="alert">
              {overrideError}
            </p>
          )}
        </div>
      )}
      <div className="checkbox-field">
        <input id={lockId} type="checkbox" checked={lock} onChange={(event) => setLock(event.target.checked)} />
        <label htmlFor={lockId}>
          Lock the copy <span className="muted">— nobody can change it until a chief editor unlocks it</span>
        </label>
      </div>
      {error && (
        <div className="alert" role="alert">
          <Icon name="alert" />
          <div>
            <p>{error}</p>
            {refusedFlags.length > 0 && (
              <ul className="signoff-form__refused-flags" aria-label="Open legal-risk flags named by the server">
                {refusedFlags.map((flag) => (
                  <li key={flag.id}>
                    <KindBadge kind={isFlagKind(flag.kind) ? flag.kind : FLAG_KINDS.legalRisk} />
                    <span className="signoff-form__quote">“{shortQuote(flag.quote, LISTED_QUOTE_CHARS)}”</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={isSending}>
          <Icon name="check" />
          {isSending ? 'Signing off…' : needsOverride ? 'Sign off with override' : 'Sign off'}
        </button>
      </div>
    </form>
  );
}

/** A flag's quote in quotation marks, cut to 90 characters. */
/** How much of a flag's quote the dialog's list shows. */
const LISTED_QUOTE_CHARS = 90;
const isFlagKind = (kind: string): kind is FlagKind => (FLAG_KIND_NAMES as readonly string[]).includes(kind);
