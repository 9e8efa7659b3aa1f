import { describe, expect, it } from 'vitest';
import { tokenizeComment } from '../../../client/panels/annotations/commentTokens.ts';
import {
  findMentionQuery,
  matchPeople,
  MAX_MENTION_SUGGESTIONS,
  mentionReplacement,
} from '../../../client/panels/annotations/mentionQuery.ts';
import type { DirectoryPerson } from '../../../shared/api/people.ts';

/** The query at the caret marked `|` in `marked`. */
const queryAt = (marked: string) => {
  const caret = marked.indexOf('|');
  return findMentionQuery(marked.replace('|', ''), caret);
};

const person = (username: string, name: string, role: DirectoryPerson['role'] = 'editor'): DirectoryPerson => ({
  id: `id-${username}`,
  username,
  name,
  role,
});

// In the directory's own order (by name, as GET /api/people answers).
const DIRECTORY: DirectoryPerson[] = [
  person('admin', 'Ada Admin', 'admin'),
  person('chief', 'Chris Chief', 'chief'),
  person('editor', 'Eddie Editor'),
  person('jose', 'José Núñez'),
  person('legal', 'Lena Legal', 'legal'),
  person('m.clegg', 'Mara Clegg'),
  person('ed.smith', 'Zed Smith'),
];
const usernames = (people: DirectoryPerson[]) => people.map((p) => p.username);

describe('findMentionQuery: the @fragment being typed at the caret', () => {
  it('opens right after an @ at the start of the text or after a space, with an empty query', () => {
    expect(queryAt('@|')).toEqual({ start: 0, end: 1, query: '' });
    expect(queryAt('Ask @|')).toEqual({ start: 4, end: 5, query: '' });
  });

  it('gives what is typed after the @ in lower case, and the span a chosen person replaces', () => {
    expect(queryAt('Ask @Le|')).toEqual({ start: 4, end: 7, query: 'le' });
    expect(queryAt('(@m.cl|')).toEqual({ start: 1, end: 6, query: 'm.cl' });
  });

  it('counts username characters after the caret into the span, so the whole word is replaced', () => {
    expect(queryAt('Ask @le|gal now')).toEqual({ start: 4, end: 10, query: 'le' });
  });

  // Where commentTokens would not render a mention, nothing is offered either.
  const NOT_AT_A_WORD_START: [string, string][] = [
    ['mail ed@exam|', 'inside an e-mail address'],
    ['word@|', 'right after a word'],
    ['@@le|', 'after another @'],
    ['end.@le|', 'after a dot'],
    ['snake_@le|', 'after an underscore'],
  ];
  it.each(NOT_AT_A_WORD_START)('finds nothing for %j (%s), and commentTokens marks no mention there', (marked) => {
    expect(queryAt(marked)).toBeNull();
    expect(tokenizeComment(`${marked.replace('|', '')}gal`).filter((token) => token.type === 'mention')).toEqual([]);
  });

  it.each([
    ['@le gal|', 'a space ends the fragment'],
    ['@legal |', 'the caret is past the space after it'],
    ['@le+|', 'a character no username has'],
    ['|@legal', 'the caret is before the @'],
    ['no mention|', 'there is no @'],
  ])('finds nothing for %j (%s)', (marked) => {
    expect(queryAt(marked)).toBeNull();
  });

  it('offers a fragment exactly where commentTokens, once it is complete, marks the mention', () => {
    expect(queryAt('Ask @Le|')).not.toBeNull();
    expect(tokenizeComment('Ask @Legal')).toContainEqual({ type: 'mention', text: '@Legal', username: 'legal' });
    expect(queryAt('(@m.cl|')).not.toBeNull();
    expect(tokenizeComment('(@m.clegg)')).toContainEqual({ type: 'mention', text: '@m.clegg', username: 'm.clegg' });
  });

  it('accepts up to 32 username characters after the @ and not 33', () => {
    expect(queryAt(`@${'a'.repeat(32)}|`)).toEqual({ start: 0, end: 33, query: 'a'.repeat(32) });
    expect(queryAt(`@${'a'.repeat(33)}|`)).toBeNull();
    expect(queryAt(`x @${'a'.repeat(33)}|`)).toBeNull();
  });

  it('finds nothing for a caret outside the text', () => {
    expect(findMentionQuery('@le', -1)).toBeNull();
    expect(findMentionQuery('@le', 4)).toBeNull();
    expect(findMentionQuery('@le', 1.5)).toBeNull();
  });
});

describe('matchPeople: who the list offers for a query', () => {
  it('offers everyone, up to the limit, for an empty query, in directory order', () => {
    expect(usernames(matchPeople(DIRECTORY, ''))).toEqual(usernames(DIRECTORY).slice(0, MAX_MENTION_SUGGESTIONS));
    expect(MAX_MENTION_SUGGESTIONS).toBeLessThanOrEqual(6);
  });

  it('matches username or name case-insensitively, username prefixes first, then name-word prefixes, then the rest', () => {
    // Both usernames start with "ed"; Zed Smith's name has "ed" only inside a word, and he is already in by username.
    expect(usernames(matchPeople(DIRECTORY, 'ED'))).toEqual(['editor', 'ed.smith']);
    // m.clegg has "le" only inside "clegg", so comes after the username prefix.
    expect(usernames(matchPeople(DIRECTORY, 'le'))).toEqual(['legal', 'm.clegg']);
    // "cl" starts a word of "Mara Clegg" but no username: a name-word prefix.
    expect(usernames(matchPeople(DIRECTORY, 'cl'))).toEqual(['m.clegg']);
    // "chris" only by name.
    expect(usernames(matchPeople(DIRECTORY, 'chris'))).toEqual(['chief']);
  });

  it('ranks a name-word prefix before a match in the middle of a username', () => {
    const people = [person('bsmith', 'Alan Ward'), person('smitty', 'Zoe Ward'), person('ann', 'Ann Smith')];
    expect(usernames(matchPeople(people, 'smi'))).toEqual(['smitty', 'ann', 'bsmith']);
  });

  it('ignores accents, so a plain query finds an accented name', () => {
    expect(usernames(matchPeople(DIRECTORY, 'nunez'))).toEqual(['jose']);
  });

  it('offers nobody when nothing matches, and never more than the limit', () => {
    expect(matchPeople(DIRECTORY, 'zzz')).toEqual([]);
    expect(matchPeople(DIRECTORY, '', 2)).toHaveLength(2);
    expect(matchPeople([], 'a')).toEqual([]);
  });
});

describe('mentionReplacement: what goes in place of the fragment', () => {
  it('is @username and a space, with the caret after the space', () => {
    const text = 'Ask @le';
    const query = findMentionQuery(text, text.length)!;
    const replacement = mentionReplacement(text, query, 'legal');
    expect(replacement).toEqual({ text: '@legal ', caretAfter: 11 });
    const result = text.slice(0, query.start) + replacement.text + text.slice(query.end);
    expect(result).toBe('Ask @legal ');
    expect(result.slice(0, replacement.caretAfter)).toBe('Ask @legal ');
  });

  it('adds no second space when one follows, and still puts the caret past it', () => {
    const text = 'Ask @le about it';
    const query = findMentionQuery(text, 7)!;
    const replacement = mentionReplacement(text, query, 'legal');
    const result = text.slice(0, query.start) + replacement.text + text.slice(query.end);
    expect(result).toBe('Ask @legal about it');
    expect(result.slice(0, replacement.caretAfter)).toBe('Ask @legal ');
  });
});
