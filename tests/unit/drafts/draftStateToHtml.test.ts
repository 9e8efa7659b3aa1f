import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { draftStateToHtml } from '../../../server/drafts/draftStateToHtml.ts';
import { htmlToDraftState } from '../../../server/drafts/htmlToDraftState.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';

/** A state written straight into the body fragment, as a hostile client could. */
function stateWith(build: (body: Y.XmlFragment) => void): Uint8Array {
  const ydoc = new Y.Doc();
  build(ydoc.getXmlFragment(ROOT_TYPES.body));
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

function element(name: string, attributes: Record<string, string> = {}, children: (Y.XmlElement | Y.XmlText)[] = []) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
}

function text(runs: [string, Record<string, unknown>?][]) {
  const node = new Y.XmlText();
  let at = 0;
  for (const [insert, format] of runs) {
    node.insert(at, insert, format ?? {});
    at += insert.length;
  }
  return node;
}

describe('draftStateToHtml', () => {
  it('renders an imported draft with its structure', () => {
    const { state } = htmlToDraftState('<h1>Head</h1><p data-type="standfirst">Stand</p><p>A <a href="https://ok.example">link</a></p>');
    expect(draftStateToHtml(state)).toBe(
      '<h1 data-type="headline" class="headline">Head</h1>' +
        '<p data-type="standfirst" class="standfirst">Stand</p>' +
        '<p>A <a rel="noopener noreferrer nofollow" href="https://ok.example">link</a></p>',
    );
  });

  it('renders what it was imported from: HTML -> state -> HTML -> state is stable', () => {
    const first = htmlToDraftState('<h1>H <em>i</em></h1><h2>S</h2><p>a<br>b <strong>c</strong></p><ul><li><p>x</p></li></ul><aside data-type="pull-quote">pq</aside>');
    const second = htmlToDraftState(draftStateToHtml(first.state));
    expect(second.json).toEqual(first.json);
  });

  it('renders a blank draft', () => {
    expect(draftStateToHtml(emptyDraftState())).toBe(
      '<h1 data-type="headline" class="headline"></h1><p data-type="standfirst" class="standfirst"></p><p></p>',
    );
  });

  it("returns '' for a state with no body", () => {
    expect(draftStateToHtml(stateWith(() => {}))).toBe('');
  });

  it('re-checks links and drops unknown nodes, marks and attributes written straight into the fragment', () => {
    const state = stateWith((body) => {
      body.insert(0, [
        element('headline', { onclick: 'alert(1)' }, [text([['Head']])]),
        element('standfirst'),
        element('paragraph', { onclick: 'alert(2)', style: 'color:red', class: 'evil' }, [
          text([
            ['js', { link: { href: 'javascript:alert(3)' } }],
            [' ', {}],
            ['spaced', { link: { href: '  JAVASCRIPT:alert(4)' } }],
            [' ', {}],
            ['data', { link: { href: 'data:text/html,<script>alert(5)</script>' } }],
            [' ', {}],
            ['ok', { link: { href: 'https://ok.example', target: '_blank', rel: 'opener', onclick: 'alert(6)' } }],
            [' ', {}],
            ['bold', { bold: true, script: { src: 'alert(7)' } }],
          ]),
        ]),
        element('script', {}, [text([['alert(8)']])]),
        element('iframe', { src: 'https://evil.example' }),
        element('heading', { level: '<script>alert(9)</script>' }, [text([['Sub']])]),
      ]);
    });
    const html = draftStateToHtml(state);
    expect(html).not.toMatch(/alert|javascript|data:|<script|<iframe|onclick|style=|evil|target=|"opener"/i);
    expect(html).toContain('<p>js spaced data <a rel="noopener noreferrer nofollow" href="https://ok.example">ok</a> <strong>bold</strong></p>');
    expect(html).toContain('<h1 data-type="headline" class="headline">Head</h1>');
    expect(html).toContain('>Sub</h2>');
  });

  it('still renders a body whose structure the schema would refuse', () => {
    const state = stateWith((body) => {
      body.insert(0, [element('paragraph', {}, [text([['no headline']])]), element('pullQuote')]);
    });
    expect(draftStateToHtml(state)).toBe('<p>no headline</p><aside data-type="pull-quote" class="pull-quote"></aside>');
  });
});
