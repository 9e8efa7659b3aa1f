import type { DeskState } from '../../api/versions.ts';
import type { IconName } from '../../ui/Icon.tsx';

/** Each desk state in words, with its icon: the badge never rests on its colour. */
export const DESK_STATE_WORDS: Readonly<Record<DeskState, { label: string; icon: IconName; description: string }>> = {
  draft: { label: 'Draft', icon: 'pencil', description: 'Being written.' },
  'in-review': { label: 'In review', icon: 'eye', description: 'With the desk for editing.' },
  'legal-review': { label: 'Legal review', icon: 'legal', description: 'With legal for a read.' },
  'signed-off': { label: 'Signed off', icon: 'check', description: 'Approved by a chief editor; unchanged since.' },
  'changed-since-signoff': {
    label: 'Changed since sign-off',
    icon: 'alert',
    description: 'Signed off, then changed: the live copy is not what was approved.',
  },
  spiked: { label: 'Spiked', icon: 'spike', description: 'Killed: it will not run. Kept, and brought back by moving it to another state.' },
};
