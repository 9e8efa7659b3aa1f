import { useState } from 'react';
import { useDisplayName } from '../../identity/displayName.ts';
import { colorForName } from '../../identity/userColor.ts';
import { Icon } from '../../ui/Icon.tsx';
import { PersonBadge } from '../../ui/PersonBadge.tsx';
import { DisplayNameDialog } from './DisplayNameDialog.tsx';

/**
 * The person's name in the top bar; activating it opens the rename dialog.
 * Compact (initials only, name in the tooltip) where the presence list already shows it.
 */
export function NameButton({ isCompact = false }: { isCompact?: boolean }) {
  const [name] = useDisplayName();
  const [isOpen, setOpen] = useState(false);
  if (!name) return null;
  return (
    <>
      <button
        type="button"
        className={isCompact ? 'button button--quiet name-button name-button--compact' : 'button button--quiet name-button'}
        aria-label={`Display name: ${name}. Change`}
        onClick={() => setOpen(true)}
      >
        <PersonBadge name={name} color={colorForName(name)} isCompact={isCompact} />
        <Icon name="pencil" />
      </button>
      <DisplayNameDialog isOpen={isOpen} currentName={name} onCancel={() => setOpen(false)} onDone={() => setOpen(false)} />
    </>
  );
}
