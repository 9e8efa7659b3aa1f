import { FLAG_KINDS, type FlagKind } from '../../../shared/annotations/kinds.ts';

/** What each kind of flag is called on screen, and how its highlight is drawn, in words (for the legend and tooltips). */
export const FLAG_KIND_WORDS: Readonly<Record<FlagKind, { label: string; plural: string; style: string }>> = {
  [FLAG_KINDS.claim]: { label: 'Claim', plural: 'claims', style: 'dotted underline, blue tint' },
  [FLAG_KINDS.sourceNeeded]: { label: 'Source needed', plural: 'sources needed', style: 'dashed underline' },
  [FLAG_KINDS.legalRisk]: { label: 'Legal risk', plural: 'legal risks', style: 'thick solid underline, hatched' },
};

/** Flag shortcuts: Mod-Alt-2/3 are taken by the subheadings, so flags use Mod-Shift-1/2/3. */
export const FLAG_SHORTCUTS: Readonly<Record<FlagKind, string>> = {
  [FLAG_KINDS.claim]: 'Mod-Shift-1',
  [FLAG_KINDS.sourceNeeded]: 'Mod-Shift-2',
  [FLAG_KINDS.legalRisk]: 'Mod-Shift-3',
};
