import { describe, expect, it } from 'vitest';
import { copyToHtml } from '../../../server/drafts/copyToHtml.ts';
import { htmlToDraftState } from '../../../server/drafts/htmlToDraftState.ts';
import { MAX_PLAIN_TEXT_HEADLINE_CHARS } from '../../../server/drafts/plainTextToHtml.ts';
import { bodyOf, marksOf, textOf } from './draftJSON.ts';

const markdownDraft = (text: string) => htmlToDraftState(copyToHtml(text, 'markdown')).json;
const textDraft = (text: string) => htmlToDraftState(copyToHtml(text, 'text')).json;

describe('copyToHtml: markdown', () => {
  it('keeps HTML written in Markdown as literal text, never as markup', () => {
    const html = copyToHtml('Hello <script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold?</b>', 'markdown');
    expect(html).not.toMatch(/<script|<img|<b>/);
    const [paragraph] = bodyOf(markdownDraft('Hello <script>alert(1)</script> <b>bold?</b>'));
    expect(textOf(paragraph!)).toBe('Hello <script>alert(1)</script> <b>bold?</b>');
  });

  it('turns bare URLs into links', () => {
    const marks = marksOf(markdownDraft('Budget papers: https://example.org/budget today.'));
    expect(marks).toEqual([{ type: 'link', attrs: expect.objectContaining({ href: 'https://example.org/budget' }) }]);
  });

  it('drops a javascript: link target but keeps the words', () => {
    const draft = markdownDraft('Click [here](javascript:alert(1)) now');
    expect(marksOf(draft)).toEqual([]);
    expect(textOf(draft)).toContain('here');
  });

  it('maps headings, emphasis, lists and quotes onto the draft schema', () => {
    const draft = markdownDraft('# Head *line*\n\n## Sub\n\nSome **bold** and _italic_.\n\n- one\n- two\n\n> quoted\n\n# Another h1');
    expect(textOf(draft.content![0]!)).toBe('Head line');
    expect(bodyOf(draft).map((block) => block.type)).toEqual([
      'heading', 'paragraph', 'bulletList', 'blockquote', 'heading',
    ]);
    expect(bodyOf(draft)[4]!.attrs).toEqual({ level: 2 });
    expect(marksOf(draft).map((mark) => mark.type)).toEqual(['italic', 'bold', 'italic']);
  });

  it('does not rewrite quotes or dashes (typographer off)', () => {
    expect(textOf(markdownDraft('"Straight" -- quotes (c)'))).toBe('"Straight" -- quotes (c)');
  });
});

describe('copyToHtml: plain text', () => {
  it('makes a short first line followed by a blank line the headline', () => {
    const draft = textDraft('Council passes budget\n\nFirst paragraph.\n\nSecond paragraph.');
    expect(textOf(draft.content![0]!)).toBe('Council passes budget');
    expect(bodyOf(draft).map(textOf)).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it.each([
    ['ends like a sentence', 'This is a short lede.\n\nMore copy.'],
    ['is the only paragraph', 'Council passes budget'],
    ['has no blank line after it', 'Council passes budget\nMore copy on the next line.'],
    ['is too long', `${'Long '.repeat(MAX_PLAIN_TEXT_HEADLINE_CHARS / 5 + 1)}headline\n\nMore copy.`],
  ])('leaves the headline empty when the first line %s', (_label, text) => {
    const draft = textDraft(text);
    expect(textOf(draft.content![0]!)).toBe('');
    expect(textOf(bodyOf(draft)[0]!)).toBe(text.split('\n\n')[0]!.trim());
  });

  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    const draft = textDraft('Para one,\nline two\n\n  \n\nPara two');
    expect(bodyOf(draft).map(textOf)).toEqual(['Para one,\nline two', 'Para two']);
  });

  it('escapes everything, so markup in text stays text', () => {
    const text = 'Tags such as <script>alert(1)</script> & <a href="javascript:x">links</a> are text.';
    const html = copyToHtml(text, 'text');
    expect(html).toBe('<p>Tags such as &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;a href=&quot;javascript:x&quot;&gt;links&lt;/a&gt; are text.</p>');
    expect(textOf(bodyOf(textDraft(text))[0]!)).toBe(text);
  });
});

describe('copyToHtml: html', () => {
  it('passes HTML through for the draft parser to judge', () => {
    expect(copyToHtml('<p onclick="x">Hi</p>', 'html')).toBe('<p onclick="x">Hi</p>');
  });
});
