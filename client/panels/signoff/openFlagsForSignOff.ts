import { FLAG_KINDS, FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';

/**
 * The flags a chief weighs before signing off: the open ones, legal risks
 * first (they are what makes the sign-off an override, and a long list must
 * not hide them below its fold), the rest in the order given.
 */
export function openFlagsForSignOff<T extends Pick<Flag, 'kind' | 'status'>>(flags: readonly T[]): T[] {
  const open = flags.filter((flag) => flag.status === FLAG_STATUSES.open);
  return [...open.filter(isLegalRisk), ...open.filter((flag) => !isLegalRisk(flag))];
}

const isLegalRisk = (flag: Pick<Flag, 'kind'>) => flag.kind === FLAG_KINDS.legalRisk;
