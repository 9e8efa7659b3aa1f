/**
 * Colours that label a person (caret, presence dot, initials badge). Each one
 * carries white text at a contrast of at least 4.5:1 (WCAG AA), so initials and
 * caret labels stay readable whatever colour a person lands on.
 */
export const PERSON_COLORS = [
  '#1d4ed8', // blue      6.7:1
  '#047857', // green     5.5:1
  '#6d28d9', // violet    7.1:1
  '#b91c1c', // red       6.5:1
  '#0f766e', // teal      5.5:1
  '#b45309', // amber     5.0:1
  '#a21caf', // magenta   6.3:1
  '#475569', // slate     7.6:1
] as const;

/**
 * The colour for a key (an account id): the same key always gets the same
 * colour, on every machine (FNV-1a over the trimmed, lower-cased key). An
 * empty key gets the first colour.
 */
export function colorForKey(key: string): string {
  const normalized = key.trim().toLowerCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PERSON_COLORS[(hash >>> 0) % PERSON_COLORS.length]!;
}
