import { FLAG_KINDS, FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';

/**
 * The flags a chief weighs before signing off: the open ones, legal risks
 * first (they are what makes the sign-off an override, and a long list must
 * not hide them below its fold), each group in document order as the panel
 * lists them (`order`: flag ids in document order); flags not in it yet (just
 * made) follow, in the order given.
 */
export function openFlagsForSignOff<T extends Pick<Flag, 'id' | 'kind' | 'status'>>(flags: readonly T[], order: readonly string[] = []): T[] {
  const place = new Map(order.map((id, index) => [id, index]));
  const open = flags
    .filter((flag) => flag.status === FLAG_STATUSES.open)
    .map((flag, given) => ({ flag, at: place.get(flag.id) ?? order.length + given }))
    .sort((a, b) => a.at - b.at)
    .map(({ flag }) => flag);
  return [...open.filter(isLegalRisk), ...open.filter((flag) => !isLegalRisk(flag))];
}

const isLegalRisk = (flag: Pick<Flag, 'kind'>) => flag.kind === FLAG_KINDS.legalRisk;
