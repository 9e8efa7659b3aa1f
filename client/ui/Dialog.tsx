import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  isOpen: boolean;
  title: string;
  /** A line under the title, read out with it (aria-describedby). */
  description?: ReactNode;
  /** Called when the person closes the dialog with Escape; absent = Escape does nothing. */
  onDismiss?: () => void;
  /** Added to the dialog's own class, for a dialog wider than a form. */
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: the browser keeps focus inside
 * it, makes the page behind it inert, and returns focus to where it was when
 * it closes. Focus starts on the first element with `autoFocus`.
 */
export function Dialog({ isOpen, title, description, onDismiss, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      onDismiss?.();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [onDismiss]);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      {isOpen && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="dialog__description">
              {description}
            </p>
          )}
          {children}
        </>
      )}
    </dialog>
  );
}
