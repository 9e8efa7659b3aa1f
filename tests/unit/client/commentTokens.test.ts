import { describe, expect, it } from 'vitest';
import { tokenizeComment } from '../../../client/panels/annotations/commentTokens.ts';

describe('tokenizeComment', () => {
  it('links only http(s) addresses and leaves trailing punctuation out', () => {
    expect(tokenizeComment('See https://example.com/a?b=1. Or javascript:alert(1) and data:text/html,x')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { type: 'text', text: '. Or javascript:alert(1) and data:text/html,x' },
    ]);
  });

  it('keeps markup as text', () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect(tokenizeComment(text)).toEqual([{ type: 'text', text }]);
  });

  it('marks @mentions but not e-mail addresses, and drops a sentence-ending full stop', () => {
    expect(tokenizeComment('Ask @Legal. Mail ed@example.com')).toEqual([
      { type: 'text', text: 'Ask ' },
      { type: 'mention', text: '@Legal', username: 'legal' },
      { type: 'text', text: '. Mail ed@example.com' },
    ]);
  });
});
