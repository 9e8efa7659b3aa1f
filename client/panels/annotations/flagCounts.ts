import { FLAG_KINDS, FLAG_KIND_NAMES, FLAG_STATUSES, type FlagKind } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';

export interface FlagCounts {
  claims: number;
  claimsVerified: number;
  /** Open source-needed flags. */
  sourcesNeeded: number;
  /** Open legal-risk flags. */
  legalOpen: number;
  openByKind: Record<FlagKind, number>;
}

/** The numbers that matter at deadline, for the panel's header. */
export function countFlags(flags: readonly Flag[]): FlagCounts {
  const openByKind = Object.fromEntries(FLAG_KIND_NAMES.map((kind) => [kind, 0])) as Record<FlagKind, number>;
  let claims = 0;
  let claimsVerified = 0;
  for (const flag of flags) {
    if (flag.status === FLAG_STATUSES.open) openByKind[flag.kind] += 1;
    if (flag.kind === FLAG_KINDS.claim) {
      claims += 1;
      if (flag.claim?.verification === 'verified') claimsVerified += 1;
    }
  }
  return {
    claims,
    claimsVerified,
    sourcesNeeded: openByKind[FLAG_KINDS.sourceNeeded],
    legalOpen: openByKind[FLAG_KINDS.legalRisk],
    openByKind,
  };
}

/** ["claims verified 12/15", "sources needed 2", "legal open 1"] */
export function deadlineParts(counts: FlagCounts): string[] {
  return [`claims verified ${counts.claimsVerified}/${counts.claims}`, `sources needed ${counts.sourcesNeeded}`, `legal open ${counts.legalOpen}`];
}

