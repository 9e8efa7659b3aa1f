import { describe, expect, it } from 'vitest';
import { detectImportFormat } from '../../../server/drafts/detectImportFormat.ts';

describe('detectImportFormat', () => {
  it('uses the explicit format over the filename and the content', () => {
    expect(detectImportFormat('<p>Hi</p>', { format: 'text', filename: 'story.md' })).toBe('text');
  });

  it.each([
    ['story.md', 'markdown'],
    ['story.MARKDOWN', 'markdown'],
    ['story.html', 'html'],
    ['Story.HTM', 'html'],
    ['notes.txt', 'text'],
    ['C:\\Users\\desk\\copy.v2.txt', 'text'],
  ] as const)('reads %s by its extension as %s', (filename, format) => {
    expect(detectImportFormat('# Looks like markdown', { filename })).toBe(format);
  });

  it.each([
    ['a full document', '<!DOCTYPE html><html><body><p>Hi</p></body></html>'],
    ['a fragment starting with a block tag', '\n  <h1>Headline</h1>\nThen text'],
    ['a fragment starting with a script', '<script>alert(1)</script><img src=x>'],
    ['a fragment starting with a comment', '<!-- exported --><p>Hi</p>'],
    ['copy with block markup further in', 'Pasted from the CMS:\n<p>One</p>\n<p>Two</p>'],
  ])('sniffs %s as html when there is no usable extension', (_label, text) => {
    expect(detectImportFormat(text)).toBe('html');
    expect(detectImportFormat(text, { filename: 'paste.rtf' })).toBe('html');
  });

  it.each([
    ['markdown', '# Headline\n\nSome *copy*.'],
    ['plain prose', 'Just a paragraph of copy.\n\nAnd another.'],
    ['prose that mentions a tag without closing it', 'Use the <p> element for paragraphs.'],
    ['inline markup only', 'Some <em>emphasis</em> here.'],
    ['an autolink at the start', '<https://example.org> has the papers.'],
  ])('sniffs %s as markdown', (_label, text) => {
    expect(detectImportFormat(text, { filename: 'no-extension' })).toBe('markdown');
  });

  it('sniffs a large hostile input in linear time', () => {
    const hostile = '<p'.repeat(200_000);
    const started = performance.now();
    expect(detectImportFormat(`x${hostile}`)).toBe('markdown');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
