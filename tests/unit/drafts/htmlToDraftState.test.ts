import { describe, expect, it } from 'vitest';
import { draftHeadlineText, htmlToDraftState } from '../../../server/drafts/htmlToDraftState.ts';
import { DRAFT_SCHEMA } from '../../../server/drafts/draftSchema.ts';
import { draftStateToHtml } from '../../../server/drafts/draftStateToHtml.ts';
import { bodyOf, marksOf, nodeTypesOf, textOf } from './draftJSON.ts';

const draftOf = (html: string) => htmlToDraftState(html).json;
const isValid = (html: string) => {
  DRAFT_SCHEMA.nodeFromJSON(draftOf(html)).check();
  return true;
};

describe('htmlToDraftState: structure', () => {
  it('makes the first <h1> the headline, even when copy comes before it', () => {
    const draft = draftOf('<p>Dateline</p><h1>The <em>real</em> headline</h1><p>Body</p>');
    expect(draft.content![0]).toEqual({
      type: 'headline',
      content: [
        { type: 'text', text: 'The ' },
        { type: 'text', text: 'real', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' headline' },
      ],
    });
    expect(bodyOf(draft).map(textOf)).toEqual(['Dateline', 'Body']);
  });

  it('turns later <h1>s into level-2 subheads in place', () => {
    const draft = draftOf('<h1>Head</h1><p>a</p><h1>Second</h1><p>b</p><h1>Third</h1>');
    expect(bodyOf(draft)).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Second' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Third' }] },
    ]);
  });

  it('leaves the headline empty when there is no <h1>, without pouring body copy into it', () => {
    const draft = draftOf('<p>First paragraph</p><ul><li>item</li></ul><p>Last</p>');
    expect(draft.content!.slice(0, 2)).toEqual([{ type: 'headline' }, { type: 'standfirst' }]);
    expect(bodyOf(draft).map((block) => block.type)).toEqual(['paragraph', 'bulletList', 'paragraph']);
  });

  it('takes the standfirst only from a marked paragraph; later marked ones become body paragraphs', () => {
    const draft = draftOf('<h1>H</h1><p>Lede</p><p data-type="standfirst">The <strong>gist</strong><br>in two lines</p><p data-type="standfirst">Another</p>');
    expect(textOf(draft.content![1]!)).toBe('The gist\nin two lines');
    expect(marksOf(draft.content![1]!)).toEqual([{ type: 'bold' }]);
    expect(bodyOf(draft).map(textOf)).toEqual(['Lede', 'Another']);
  });

  it('keeps a plain first paragraph out of the standfirst', () => {
    expect(draftOf('<h1>H</h1><p>Lede</p>').content![1]).toEqual({ type: 'standfirst' });
  });

  it('flattens block markup inside the headline into one line of text', () => {
    const draft = draftOf('<h1><p>Talks <i>end</i></p><div>without<br>breakthrough</div><ul><li>x</li></ul></h1><p>b</p>');
    expect(draftHeadlineText(draft)).toBe('Talks end without breakthrough x');
    expect(bodyOf(draft).map(textOf)).toEqual(['b']);
  });

  it('gives a document with only a headline an empty standfirst and one empty paragraph', () => {
    expect(draftOf('<h1>Only a headline</h1>')).toEqual({
      type: 'doc',
      content: [
        { type: 'headline', content: [{ type: 'text', text: 'Only a headline' }] },
        { type: 'standfirst' },
        { type: 'paragraph' },
      ],
    });
  });

  it.each([
    ['an empty string', ''],
    ['loose inline text', 'just <b>text</b> and <a href="https://a.example">a link</a>'],
    ['an orphan list item', '<li>orphan</li>'],
    ['h5 and h6', '<h5>five</h5><h6>six</h6>'],
    ['a table', '<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>North</td><td>412</td></tr></table>'],
    ['a pull quote and a block quote', '<blockquote class="pull-quote">pq</blockquote><blockquote><p>source</p></blockquote>'],
    ['a full page with head and title', '<!doctype html><html><head><title>T</title></head><body><article><h1>H</h1><section><p>x</p></section></article></body></html>'],
    ['a standfirst with a table in it', '<p data-type="standfirst">a<table><tr><td>cell</td></tr></table></p>'],
    ['nested h1s', '<h1>outer<h1>inner</h1></h1><blockquote><h1>quoted</h1></blockquote>'],
  ])('makes a valid draft from %s', (_label, html) => {
    expect(isValid(html)).toBe(true);
  });

  it('keeps table cells apart, one paragraph per row', () => {
    const draft = draftOf('<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>North</td><td>412</td></tr></table>');
    expect(bodyOf(draft).map(textOf)).toEqual(['Ward Votes', 'North 412']);
  });

  it('maps h5/h6 to h4, a pull quote to pullQuote and a quote to blockquote', () => {
    const draft = draftOf('<h5>five</h5><aside data-type="pull-quote">pq</aside><blockquote><p>q</p></blockquote>');
    expect(bodyOf(draft).map((block) => [block.type, block.attrs?.level])).toEqual([
      ['heading', 4], ['pullQuote', undefined], ['blockquote', undefined],
    ]);
  });
});

describe('htmlToDraftState: hostile HTML', () => {
  const hostile = [
    '<h1 onmouseover="alert(1)">Head<script>alert("h")</script></h1>',
    '<p data-type="standfirst" onclick="alert(2)">Stand<img src=x onerror="alert(3)">first</p>',
    '<p style="background:url(javascript:alert(4))" class="evil" id="x">Safe <a href="javascript:alert(5)">js link</a>',
    ' <a href=" JaVaScRiPt:alert(6)">spaced</a> <a href="java&#9;script:alert(7)">tabbed</a>',
    ' <a href="data:text/html,<script>alert(8)</script>">data</a> <a href="vbscript:x">vb</a>',
    ' <a href="https://ok.example/path" onclick="alert(9)" target="_blank">good link</a></p>',
    '<iframe src="https://evil.example" srcdoc="<p>framed</p>">frame fallback</iframe>',
    '<script>document.write("injected")</script><style>p{color:red}</style>',
    '<svg onload="alert(10)"><text>svg text</text></svg><object data="x.swf">object text</object>',
    '<form><input value="typed"><button>Press</button><textarea>area</textarea></form>',
    '<template><p>templated</p></template><noscript>noscript text</noscript>',
    '<details open ontoggle="alert(11)"><summary>Sum</summary>mary</details>',
  ].join('');

  it('keeps the copy and none of the scripts, styles, frames, handlers or unsafe links', () => {
    const { json, state } = htmlToDraftState(hostile);
    DRAFT_SCHEMA.nodeFromJSON(json).check();
    const serialized = JSON.stringify(json);
    for (const gone of ['alert', 'script', 'onerror', 'onclick', 'onload', 'style', 'evil', 'framed', 'fallback',
      'injected', 'svg text', 'object text', 'typed', 'Press', 'area', 'templated', 'noscript', 'data:', 'vbscript']) {
      expect(serialized, gone).not.toContain(gone);
    }
    expect(draftHeadlineText(json)).toBe('Head');
    expect(textOf(json.content![1]!)).toBe('Standfirst');
    expect(textOf(json)).toContain('Safe js link spaced tabbed data vb good link');
    expect(textOf(json)).toContain('Summary');
    expect(marksOf(json)).toEqual([{ type: 'link', attrs: { href: 'https://ok.example/path' } }]);

    const html = draftStateToHtml(state);
    expect(html).not.toMatch(/<script|<iframe|<style|<svg|<img|\son\w+=|javascript:|target=/i);
    expect(html).toContain('<a rel="noopener noreferrer nofollow" href="https://ok.example/path">good link</a>');
  });

  it('uses only node types of the draft schema', () => {
    const known = new Set(Object.keys(DRAFT_SCHEMA.nodes));
    expect(nodeTypesOf(draftOf(hostile)).filter((type) => !known.has(type))).toEqual([]);
  });
});

describe('draftHeadlineText', () => {
  it('collapses whitespace and trims', () => {
    expect(draftHeadlineText(draftOf('<h1>  Council\n\n  passes   <em>budget</em> </h1>'))).toBe('Council passes budget');
  });

  it("returns '' without a headline", () => {
    expect(draftHeadlineText(draftOf('<p>No headline</p>'))).toBe('');
    expect(draftHeadlineText({ type: 'doc' })).toBe('');
  });
});
