/**
 * Counts words the way a desk does: runs of letters or digits, with inner
 * apostrophes and hyphens kept ("don't", "24-hour" are one word each).
 * Returns 0 for empty or whitespace-only text.
 */
export function countWords(text: string): number {
  // \p{M}: combining marks (Devanagari vowel signs, Arabic harakat, decomposed accents) belong to their word.
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu);
  return words ? words.length : 0;
}
