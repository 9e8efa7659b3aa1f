import type { DeskState } from '../../api/versions.ts';
import { Icon } from '../../ui/Icon.tsx';
import { DESK_STATE_WORDS } from './deskStateWords.ts';
import '../../styles/versions.css';

/** A draft's desk state as an icon and words ("Signed off"); the tint only repeats them. */
export function DeskStateBadge({ state, isCompact = false }: { state: DeskState; isCompact?: boolean }) {
  const words = DESK_STATE_WORDS[state];
  return (
    <span className={`desk-badge desk-badge--${state}${isCompact ? ' desk-badge--compact' : ''}`} title={words.description}>
      <Icon name={words.icon} />
      <span>{words.label}</span>
    </span>
  );
}
