import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS_PER_COMMENT, findMentions } from '../../../server/annotations/notifyInbox.ts';

describe('findMentions', () => {
  it.each([
    ['@legal please check', ['legal']],
    ['cc @Legal, @chief. and @legal again', ['legal', 'chief']],
    ['mail rita@example.org, not a mention', []],
    ['ends a sentence @sam.', ['sam']],
    ['@x is too short', []],
    ['', []],
  ])('%j -> %j', (text, names) => {
    expect(findMentions(text)).toEqual(names);
  });

  it('stops at MAX_MENTIONS_PER_COMMENT names', () => {
    const text = Array.from({ length: 50 }, (_, i) => `@user${i}`).join(' ');
    expect(findMentions(text)).toHaveLength(MAX_MENTIONS_PER_COMMENT);
  });
});
