import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../../shared/schema/safeUrl.ts';

describe('isSafeUrl', () => {
  it.each([
    'http://example.org/budget',
    'https://example.org/a?b=c#d',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:desk@example.org',
    'tel:+441234567890',
    '/drafts/abc123',
    'relative/page.html',
    '../up',
    '#section-2',
    '?q=council',
    '//example.org/protocol-relative',
    '  https://example.org/padded  ',
    'search?q=a:b',
  ])('allows %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['JAVASCRIPT:', 'JAVASCRIPT:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['leading space', ' javascript:alert(1)'],
    ['leading no-break space', '\u00a0javascript:alert(1)'],
    ['a tab inside the scheme', 'java\tscript:alert(1)'],
    ['a newline inside the scheme', 'java\nscript:alert(1)'],
    ['a carriage return inside the scheme', 'java\rscript:alert(1)'],
    ['a NUL before the scheme', '\u0000javascript:alert(1)'],
    ['DEL inside the scheme', 'java\u007fscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://example.org/'],
    ['blob:', 'blob:https://example.org/uuid'],
    ['an empty string', ''],
    ['whitespace only', '   '],
  ])('refuses %s', (_name, url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});
