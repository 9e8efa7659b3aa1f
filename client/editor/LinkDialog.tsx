import type { Editor } from '@tiptap/core';
import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { toLinkTarget } from './linkTarget.ts';

export interface LinkDialogProps {
  editor: Editor;
  isOpen: boolean;
  onClose: () => void;
}

/**
 * Asks for a link address and applies it to the selection (or to the whole
 * link the cursor is in). With nothing selected, the address itself is
 * inserted as linked text. Only addresses that pass isSafeUrl are accepted.
 */
export function LinkDialog({ editor, isOpen, onClose }: LinkDialogProps) {
  return (
    <Dialog isOpen={isOpen} title="Link" onDismiss={onClose}>
      {isOpen && <LinkForm editor={editor} onClose={onClose} />}
    </Dialog>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.getAttributes('link').href as string | undefined;
  const isEditing = editor.isActive('link');
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const href = toLinkTarget(value);
    if (href === null) {
      setError('Enter a web address (https://…), an email link (mailto:…) or a phone link (tel:…).');
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !isEditing) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  };

  const onRemove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  const onCancel = () => {
    onClose();
    editor.commands.focus();
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          Address
        </label>
        <input
          id={inputId}
          className="field__input"
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          autoFocus
          value={value}
          placeholder="https://"
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <p id={hintId} className="field__hint">
          Web, mailto: or tel: addresses. A bare domain gets https:// added.
        </p>
        {error && (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form__actions">
        {isEditing && (
          <button type="button" className="button button--danger-quiet" onClick={onRemove}>
            Remove link
          </button>
        )}
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          {isEditing ? 'Update link' : 'Add link'}
        </button>
      </div>
    </form>
  );
}
