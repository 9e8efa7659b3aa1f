import { useId, useMemo } from 'react';
import { isApplePlatform } from '../../editor/shortcutLabel.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { shortcutGroups } from './shortcutGroups.ts';

export interface KeyboardShortcutsDialogProps {
  isOpen: boolean;
  onClose: () => void;
}

/** Every key the app answers to, by group, each with what it does. */
export function KeyboardShortcutsDialog({ isOpen, onClose }: KeyboardShortcutsDialogProps) {
  const groups = useMemo(() => shortcutGroups(isApplePlatform()), []);
  const idPrefix = useId();
  return (
    <Dialog isOpen={isOpen} title="Keyboard shortcuts" onDismiss={onClose} className="shortcuts-dialog">
      <div className="shortcuts">
        {groups.map((group, index) => (
          <section key={group.title} className="shortcuts__group" aria-labelledby={`${idPrefix}-${index}`}>
            <h3 id={`${idPrefix}-${index}`} className="shortcuts__title">
              {group.title}
            </h3>
            {group.note && <p className="shortcuts__note muted">{group.note}</p>}
            <dl className="shortcuts__list">
              {group.rows.map((row) => (
                <div key={row.action} className="shortcuts__row">
                  <dt>{row.action}</dt>
                  <dd>
                    {row.keys.map((keys, index) => (
                      <span key={keys}>
                        {index > 0 && <span className="shortcuts__or"> or </span>}
                        <kbd>{keys}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button button--primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
