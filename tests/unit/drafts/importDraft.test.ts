import { readFileSync } from 'node:fs';
import type { JSONContent } from '@tiptap/core';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { DRAFT_SCHEMA } from '../../../server/drafts/draftSchema.ts';
import { emptyDraftState, importDraft } from '../../../server/drafts/importDraft.ts';
import { appErrorCode } from './appErrorCode.ts';
import { bodyOf, textOf } from './draftJSON.ts';

const TALKS_URL = new URL('../../../../shared/samples/talks-draft.md', import.meta.url);
const talksBytes = readFileSync(TALKS_URL);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** What a client sees after applying `state` to a fresh Y.Doc, normalised through the schema. */
function readBack(state: Uint8Array) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const json = yDocToProsemirrorJSON(ydoc, ROOT_TYPES.body);
  ydoc.destroy();
  const node = DRAFT_SCHEMA.nodeFromJSON(json);
  node.check();
  return node.toJSON() as JSONContent & { content: JSONContent[] };
}

const clientIdsOf = (state: Uint8Array) => [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)).keys()];

describe('importDraft: the talks sample (Markdown)', () => {
  const draft = importDraft({ bytes: talksBytes, filename: 'talks-draft.md' });
  const json = readBack(draft.state);
  const sourceParagraphs = talksBytes.toString('utf8').trim().split(/\n\s*\n/).slice(1);

  it('takes the headline from the # line', () => {
    expect(draft.headline).toBe('Talks end without breakthrough as 24-hour peace pledge meets resistance');
    expect(textOf(json.content[0]!)).toBe(draft.headline);
    expect(draft.format).toBe('markdown');
  });

  it('leaves the standfirst empty', () => {
    expect(json.content[1]).toEqual({ type: 'standfirst' });
  });

  it('gives one body paragraph per source paragraph, text intact (curly quotes, em dashes)', () => {
    expect(sourceParagraphs.length).toBeGreaterThan(5);
    const body = bodyOf(json);
    expect(body.map((block) => block.type)).toEqual(sourceParagraphs.map(() => 'paragraph'));
    expect(body.map(textOf)).toEqual(sourceParagraphs.map((paragraph) => paragraph.trim()));
    expect(textOf(json)).toContain('“within 24 hours”');
    expect(textOf(json)).toContain('high-stakes test—and he failed');
  });

  it('is read as Markdown without a filename too', () => {
    expect(importDraft({ bytes: talksBytes }).format).toBe('markdown');
  });
});

describe('importDraft: formats', () => {
  it('reads plain text by its .txt name, first short line as headline', () => {
    const draft = importDraft({ bytes: utf8('Council passes budget\r\n\r\nFirst *para*.\r\nSame para.\r\n'), filename: 'copy.txt' });
    expect(draft.format).toBe('text');
    expect(draft.headline).toBe('Council passes budget');
    expect(bodyOf(readBack(draft.state)).map(textOf)).toEqual(['First *para*.\nSame para.']);
  });

  it('reads HTML by sniffing and drops what the draft cannot hold', () => {
    const draft = importDraft({
      bytes: utf8('<h1>Head</h1><script>alert(1)</script><p>Body <a href="javascript:alert(1)">link</a></p><iframe src="https://evil.example"></iframe><img src=x onerror="alert(1)">'),
    });
    expect(draft.format).toBe('html');
    expect(draft.headline).toBe('Head');
    const json = readBack(draft.state);
    expect(bodyOf(json)).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Body link' }] }]);
  });

  it('honours an explicit format over the file name', () => {
    const draft = importDraft({ bytes: utf8('<p>Shown as text</p>'), format: 'text', filename: 'page.html' });
    expect(textOf(bodyOf(readBack(draft.state))[0]!)).toBe('<p>Shown as text</p>');
  });
});

describe('importDraft: refusals', () => {
  it.each([
    ['an empty file', new Uint8Array()],
    ['whitespace only', utf8(' \n\t\r\n ')],
    ['HTML with no copy left after sanitising', utf8('<script>alert(1)</script><img src=x><iframe src="https://e.example"></iframe>')],
    ['Markdown with only a rule', utf8('---\n')],
  ])('refuses %s with empty_import', (_label, bytes) => {
    expect(appErrorCode(() => importDraft({ bytes }))).toBe('empty_import');
  });

  it('refuses HTML nested thousands of levels deep as unsupported_media_type, not a crash', () => {
    const bytes = utf8(`${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}`);
    expect(appErrorCode(() => importDraft({ bytes }))).toBe('unsupported_media_type');
  });

  it('imports HTML nested a few hundred levels deep', () => {
    const draft = importDraft({ bytes: utf8(`<h1>H</h1>${'<div><blockquote>'.repeat(150)}deep${'</blockquote></div>'.repeat(150)}`) });
    expect(draft.headline).toBe('H');
  });

  it.each([
    ['a NUL byte', new Uint8Array([...utf8('# Head\n\nBody'), 0])],
    ['invalid UTF-8', new Uint8Array([...utf8('# Caf'), 0xe9])],
  ])('refuses bytes with %s as unsupported_media_type', (_label, bytes) => {
    expect(appErrorCode(() => importDraft({ bytes, filename: 'x.md' }))).toBe('unsupported_media_type');
  });
});

describe('importDraft: Yjs state', () => {
  it('round-trips: the state applied to a fresh Y.Doc reads back as the same JSON', () => {
    const html = '<h1>H <em>i</em></h1><p data-type="standfirst">S</p><h2>Sub</h2><p>A <strong>b</strong> <a href="https://x.example">c</a><br>d</p><ol start="3"><li><p>x</p></li></ol><blockquote><p>q</p></blockquote><aside data-type="pull-quote">pq</aside><hr>';
    const draft = importDraft({ bytes: utf8(html) });
    const once = readBack(draft.state);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, draft.state);
    const again = readBack(Y.encodeStateAsUpdate(ydoc));
    ydoc.destroy();
    expect(again).toEqual(once);
    expect(once.content.map((node) => node.type)).toEqual([
      'headline', 'standfirst', 'heading', 'paragraph', 'orderedList', 'blockquote', 'pullQuote', 'horizontalRule',
    ]);
  });

  it('keeps everything in the body root type', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, importDraft({ bytes: talksBytes }).state);
    expect([...ydoc.share.keys()]).toEqual([ROOT_TYPES.body]);
    ydoc.destroy();
  });

  it('gives independent drafts when the same copy is imported twice', () => {
    const first = importDraft({ bytes: talksBytes });
    const second = importDraft({ bytes: talksBytes });
    expect(readBack(first.state)).toEqual(readBack(second.state));
    expect(clientIdsOf(first.state)).toHaveLength(1);
    expect(clientIdsOf(first.state)).not.toEqual(clientIdsOf(second.state));

    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, first.state);
    Y.applyUpdate(b, second.state);
    a.getXmlFragment(ROOT_TYPES.body).insert(0, [new Y.XmlElement('paragraph')]);
    expect(a.getXmlFragment(ROOT_TYPES.body).length).toBe(b.getXmlFragment(ROOT_TYPES.body).length + 1);
    a.destroy();
    b.destroy();
  });
});

describe('emptyDraftState', () => {
  it('is a valid blank draft: empty headline, empty standfirst, one empty paragraph', () => {
    expect(readBack(emptyDraftState())).toEqual({
      type: 'doc',
      content: [{ type: 'headline' }, { type: 'standfirst' }, { type: 'paragraph' }],
    });
  });

  it('gives each blank draft its own client id', () => {
    expect(clientIdsOf(emptyDraftState())).not.toEqual(clientIdsOf(emptyDraftState()));
  });
});

