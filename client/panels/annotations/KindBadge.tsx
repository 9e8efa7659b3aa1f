import type { FlagKind } from '../../../shared/annotations/kinds.ts';
import { FLAG_KIND_ICONS } from '../../editor/FlagToolbar.tsx';
import { FLAG_KIND_WORDS } from '../../../shared/annotations/words.ts';
import { Icon } from '../../ui/Icon.tsx';

/** A flag's kind in words with its icon and a sample of its highlight, so it never rests on colour. */
export function KindBadge({ kind }: { kind: FlagKind }) {
  return (
    <span className={`kind-badge kind-badge--${kind}`}>
      <Icon name={FLAG_KIND_ICONS[kind]} />
      <span>{FLAG_KIND_WORDS[kind].label}</span>
    </span>
  );
}

/** A few words drawn with a kind's highlight, for the legend. */
export function KindSwatch({ kind, isResolved = false }: { kind: FlagKind; isResolved?: boolean }) {
  return (
    <span className={`flag flag--${kind} ${isResolved ? 'flag--resolved' : 'flag--open'} flag-swatch`} aria-hidden="true">
      sample text
    </span>
  );
}
