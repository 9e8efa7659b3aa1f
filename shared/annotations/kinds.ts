/** The three kinds of flag the desk raises on a span of copy. */
export const FLAG_KINDS = {
  claim: 'claim',
  sourceNeeded: 'source-needed',
  legalRisk: 'legal-risk',
} as const;
export type FlagKind = (typeof FLAG_KINDS)[keyof typeof FLAG_KINDS];
export const FLAG_KIND_NAMES = Object.values(FLAG_KINDS) as [FlagKind, ...FlagKind[]];

export const FLAG_STATUSES = { open: 'open', resolved: 'resolved' } as const;
export type FlagStatus = (typeof FLAG_STATUSES)[keyof typeof FLAG_STATUSES];

/** A claim's verification state. */
export const CLAIM_STATES = ['unverified', 'verified', 'disputed'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const LEGAL_CATEGORIES = ['defamation', 'privacy', 'contempt', 'copyright', 'other'] as const;
export type LegalCategory = (typeof LEGAL_CATEGORIES)[number];

export const LEGAL_SEVERITIES = ['low', 'medium', 'high'] as const;
export type LegalSeverity = (typeof LEGAL_SEVERITIES)[number];

export const LEGAL_DECISIONS = ['clear', 'clear-with-changes', 'do-not-publish'] as const;
export type LegalDecision = (typeof LEGAL_DECISIONS)[number];

export const MAX_COMMENT_CHARS = 4000;
export const MAX_QUOTE_CHARS = 2000;
