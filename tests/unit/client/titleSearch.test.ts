import { describe, expect, it } from 'vitest';
import { titleMatches } from '../../../client/panels/drafts/titleSearch.ts';

const TITLE = 'Council passes leaner budget after late-night vote on library hours';

describe('finding a draft by its title', () => {
  it('finds it by the starts of any of its words, in any order and case', () => {
    expect(titleMatches(TITLE, 'council')).toBe(true);
    expect(titleMatches(TITLE, 'bud coun')).toBe(true);
    expect(titleMatches(TITLE, 'LIBRARY Hours')).toBe(true);
    expect(titleMatches(TITLE, 'night')).toBe(true);
  });

  it('does not find it by a word it lacks, or by the middle of a word', () => {
    expect(titleMatches(TITLE, 'council tax')).toBe(false);
    expect(titleMatches(TITLE, 'udget')).toBe(false);
  });

  it('ignores accents and punctuation', () => {
    expect(titleMatches('Café owners fight “rent hike”', 'cafe rent')).toBe(true);
    expect(titleMatches('Élection: the count', 'election, count')).toBe(true);
    expect(titleMatches('Mayor’s £2m deal', 'mayor 2m')).toBe(true);
  });

  it('matches everything with an empty query', () => {
    expect(titleMatches(TITLE, '')).toBe(true);
    expect(titleMatches(TITLE, '  — ')).toBe(true);
  });
});
