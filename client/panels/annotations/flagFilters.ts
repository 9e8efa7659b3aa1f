import { FLAG_STATUSES, type FlagKind, type FlagStatus } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';

/** What the flags panel lists: the kind, the status and who flagged (an account id), or all of each. */
export interface FlagFilters {
  kind: FlagKind | 'all';
  status: FlagStatus | 'all';
  author: string | 'all';
}

/** A desk opens the panel to what is still to do. */
export const DEFAULT_FLAG_FILTERS: FlagFilters = Object.freeze({ kind: 'all', status: FLAG_STATUSES.open, author: 'all' });

/**
 * The flags in document order (`order`: ids as the editor's layout places
 * them); flags the layout has not placed yet (just arrived) go last, in the
 * order given, until it has.
 */
export function inDocumentOrder(flags: readonly Flag[], order: readonly string[]): Flag[] {
  const byId = new Map(flags.map((flag) => [flag.id, flag]));
  const placed = new Set<string>();
  const ordered: Flag[] = [];
  for (const id of order) {
    const flag = byId.get(id);
    if (flag) {
      ordered.push(flag);
      placed.add(id);
    }
  }
  for (const flag of flags) if (!placed.has(flag.id)) ordered.push(flag);
  return ordered;
}

export const matchesFilters = (flag: Flag, filters: FlagFilters): boolean =>
  (filters.kind === 'all' || flag.kind === filters.kind) &&
  (filters.status === 'all' || flag.status === filters.status) &&
  (filters.author === 'all' || flag.createdBy.id === filters.author);

export interface FlagNeighbours {
  /** The nearest flag the filters show before this one in the document, and after it. */
  previous: Flag | undefined;
  next: Flag | undefined;
  /** This flag's place among those shown (1-based), or null when the filters do not show it (it was just resolved, say). */
  position: number | null;
  shownCount: number;
}

/**
 * Where the flag `id` sits among the flags the filters show, for stepping
 * through them from its thread. A flag the filters hide, as one resolved a
 * moment ago is under "Open", still has neighbours: the shown flags around
 * the place it holds in the document.
 */
export function neighboursOf(ordered: readonly Flag[], filters: FlagFilters, id: string): FlagNeighbours {
  let previous: Flag | undefined;
  let next: Flag | undefined;
  let position: number | null = null;
  let shownCount = 0;
  let isPast = false;
  for (const flag of ordered) {
    const isShown = matchesFilters(flag, filters);
    if (flag.id === id) {
      isPast = true;
      if (isShown) position = shownCount + 1;
    } else if (isShown) {
      if (isPast) next ??= flag;
      else previous = flag;
    }
    if (isShown) shownCount++;
  }
  return { previous, next, position, shownCount };
}
