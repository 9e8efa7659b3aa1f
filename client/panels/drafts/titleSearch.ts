/** A draft's title as the list shows it, and as a search of titles reads it. */
export const shownTitle = (title: string): string => title.trim() || 'Untitled draft';

/** Lower case without accents, so "cafe" finds "Café" and "ÉLECTION" finds "election". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * True when every word of `query` starts a word of `title`, in any order:
 * "council bud" finds "Council passes leaner budget", as a desk types from
 * memory half a headline. An empty query matches everything.
 */
export function titleMatches(title: string, query: string): boolean {
  const wanted = folded(query).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  if (wanted.length === 0) return true;
  const words = folded(title).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  return wanted.every((prefix) => words.some((word) => word.startsWith(prefix)));
}
