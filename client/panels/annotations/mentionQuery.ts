import type { DirectoryPerson } from '../../../shared/api/people.ts';

/** How many people the suggestion list offers at once: enough to choose from, few enough to read at a glance. */
export const MAX_MENTION_SUGGESTIONS = 6;

/** The longest username (shared with the server's and commentTokens' mention shape). */
const MAX_USERNAME_CHARS = 32;

/** The @fragment being typed: the text from `start` (the @) to `end` is replaced when a person is chosen. */
export interface MentionQuery {
  /** Index of the @. */
  start: number;
  /** Index just past the fragment, including username characters after the caret. */
  end: number;
  /** What is typed between the @ and the caret, lower-case; '' right after the @. */
  query: string;
}

const FRAGMENT_BEFORE_CARET = new RegExp(`@([a-z0-9._-]{0,${MAX_USERNAME_CHARS}})$`, 'i');
const USERNAME_CHARS_AFTER_CARET = /^[a-z0-9._-]*/i;
// As in commentTokens: an @ after a letter, digit, _, @ or . is part of a word or an address, not a mention.
const NOT_A_WORD_START = /[\w@.]/;

/**
 * The @mention being typed at `caret` in `text`, or null when the caret does
 * not follow an @ plus 0–32 username characters at a word start (also for a
 * caret outside the text). Characters after the caret that continue the
 * username belong to the fragment, so choosing a person replaces the whole word.
 */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
  if (!Number.isInteger(caret) || caret < 0 || caret > text.length) return null;
  // The fragment is at most an @ and 32 characters; looking further back could only find longer, invalid ones.
  const windowStart = Math.max(0, caret - MAX_USERNAME_CHARS - 1);
  const match = FRAGMENT_BEFORE_CARET.exec(text.slice(windowStart, caret));
  if (!match) return null;
  const start = caret - match[0].length;
  if (start > 0 && NOT_A_WORD_START.test(text[start - 1]!)) return null;
  const rest = USERNAME_CHARS_AFTER_CARET.exec(text.slice(caret))![0];
  return { start, end: caret + rest.length, query: match[1]!.toLowerCase() };
}

/** Lower-case without accents, so "jose" finds "José". */
const fold = (value: string): string => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The people whose username or name contains `query` (case- and
 * accent-insensitive), at most `limit`: first those whose username starts
 * with it, then those with a word of their name starting with it, then the
 * rest; within each group in the directory's own order. An empty query
 * matches everyone; nobody matching gives [].
 */
export function matchPeople(
  people: readonly DirectoryPerson[],
  query: string,
  limit: number = MAX_MENTION_SUGGESTIONS,
): DirectoryPerson[] {
  const wanted = fold(query);
  const ranked: { person: DirectoryPerson; rank: number; index: number }[] = [];
  people.forEach((person, index) => {
    const rank = rankOf(person, wanted);
    if (rank !== undefined) ranked.push({ person, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, Math.max(0, limit)).map((entry) => entry.person);
}

/** 0 username prefix, 1 name-word prefix, 2 anywhere; undefined for no match. */
function rankOf(person: DirectoryPerson, wanted: string): number | undefined {
  const username = fold(person.username);
  const name = fold(person.name);
  if (username.startsWith(wanted)) return 0;
  if (name.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted))) return 1;
  if (username.includes(wanted) || name.includes(wanted)) return 2;
  return undefined;
}

/**
 * The mention to put in place of `query`'s fragment: `@username` and one
 * space, unless a space already follows (then the caret goes past it, so
 * typing goes on without a double space).
 */
export function mentionReplacement(text: string, query: MentionQuery, username: string): { text: string; caretAfter: number } {
  const mention = `@${username}`;
  const isSpaceNext = /^\s/.test(text.slice(query.end, query.end + 1));
  return { text: isSpaceNext ? mention : `${mention} `, caretAfter: query.start + mention.length + 1 };
}
