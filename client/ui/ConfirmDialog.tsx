import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

export interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  description: ReactNode;
  /** The confirming button's words ("Disable account"); Cancel is always there and has the focus first. */
  confirmLabel: string;
  isDanger?: boolean;
  /** May reject with an Error whose message is shown in the dialog (role=alert); resolving closes it. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks before something that is hard to undo. Escape and Cancel close it; focus starts on Cancel. */
export function ConfirmDialog({ isOpen, title, description, confirmLabel, isDanger = false, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog isOpen={isOpen} title={title} description={description} onDismiss={onClose}>
      {isOpen && <ConfirmActions confirmLabel={confirmLabel} isDanger={isDanger} onConfirm={onConfirm} onClose={onClose} />}
    </Dialog>
  );
}

function ConfirmActions({
  confirmLabel,
  isDanger,
  onConfirm,
  onClose,
}: Pick<ConfirmDialogProps, 'confirmLabel' | 'isDanger' | 'onConfirm' | 'onClose'>) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Something went wrong.');
      setBusy(false);
    }
  };
  return (
    <div className="form">
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className={isDanger ? 'button button--danger' : 'button button--primary'}
          onClick={() => void confirm()}
          disabled={isBusy}
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
