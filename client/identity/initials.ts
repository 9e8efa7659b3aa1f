/**
 * Up to two initials for a badge: the first letters of the first and last
 * words ("Ada Lovelace" -> "AL"), or one for a single word ("Ada" -> "A").
 * Returns "?" for a name with no letters or digits.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return '?';
  const first = firstLetter(words[0]!);
  const last = words.length > 1 ? firstLetter(words[words.length - 1]!) : '';
  return (first + last).toLocaleUpperCase();
}

function firstLetter(word: string): string {
  const match = /[\p{L}\p{N}]/u.exec(word);
  return match ? match[0] : '';
}
