import { FLAG_KINDS, type FlagKind } from '../../../shared/annotations/kinds.ts';

/** Flag shortcuts: Mod-Alt-2/3 are taken by the subheadings, so flags use Mod-Shift-1/2/3. */
export const FLAG_SHORTCUTS: Readonly<Record<FlagKind, string>> = {
  [FLAG_KINDS.claim]: 'Mod-Shift-1',
  [FLAG_KINDS.sourceNeeded]: 'Mod-Shift-2',
  [FLAG_KINDS.legalRisk]: 'Mod-Shift-3',
};

/** Opens the thread of the flag at the caret, and takes the focus to it. */
export const OPEN_FLAG_KEY = 'Alt-Enter';
