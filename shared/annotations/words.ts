import {
  FLAG_KINDS,
  type ClaimState,
  type FlagKind,
  type LegalCategory,
  type LegalDecision,
  type LegalSeverity,
} from './kinds.ts';

/**
 * What the desk calls each kind of flag and each field value, in the panel
 * and in the printed legal report alike; `style` says how a kind's highlight
 * is drawn, in words (for the legend and tooltips).
 */
export const FLAG_KIND_WORDS: Readonly<Record<FlagKind, { label: string; plural: string; style: string }>> = {
  [FLAG_KINDS.claim]: { label: 'Claim', plural: 'claims', style: 'dotted underline, blue tint' },
  [FLAG_KINDS.sourceNeeded]: { label: 'Source needed', plural: 'sources needed', style: 'dashed underline' },
  [FLAG_KINDS.legalRisk]: { label: 'Legal risk', plural: 'legal risks', style: 'thick solid underline, hatched' },
};

export const FLAG_FIELD_WORDS: Readonly<Record<ClaimState | LegalCategory | LegalSeverity | LegalDecision, string>> = {
  unverified: 'Unverified',
  verified: 'Verified',
  disputed: 'Disputed',
  defamation: 'Defamation',
  privacy: 'Privacy',
  contempt: 'Contempt of court',
  copyright: 'Copyright',
  other: 'Other',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  clear: 'Clear',
  'clear-with-changes': 'Clear with changes',
  'do-not-publish': 'Do not publish',
};
