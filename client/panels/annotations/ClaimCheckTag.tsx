import type { Flag } from '../../../shared/annotations/types.ts';
import { Icon, type IconName } from '../../ui/Icon.tsx';

const CHECKED: Readonly<Record<string, { icon: IconName; words: string }>> = {
  verified: { icon: 'check', words: 'Verified' },
  disputed: { icon: 'alert', words: 'Disputed' },
};

/** "Verified" or "Disputed" for a claim that has been checked, in words and an icon; nothing otherwise. */
export function ClaimCheckTag({ flag }: { flag: Pick<Flag, 'claim'> }) {
  const verification = flag.claim?.verification;
  const checked = verification ? CHECKED[verification] : undefined;
  if (!verification || !checked) return null;
  return (
    <span className={`status-tag status-tag--${verification}`}>
      <Icon name={checked.icon} />
      {checked.words}
    </span>
  );
}
