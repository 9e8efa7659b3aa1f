import { readFileSync } from 'node:fs';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { DEMO_DRAFT_HTML, DEMO_DRAFT_TITLE, demoDraftState } from '../../../server/drafts/demoDraft.ts';
import { DRAFT_SCHEMA } from '../../../server/drafts/draftSchema.ts';
import { draftHeadlineText } from '../../../server/drafts/htmlToDraftState.ts';
import { bodyOf, marksOf, nodeTypesOf, textOf } from './draftJSON.ts';

function demoJSON() {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, demoDraftState());
  const json = yDocToProsemirrorJSON(ydoc, ROOT_TYPES.body);
  ydoc.destroy();
  return json;
}

describe('demo draft', () => {
  const json = demoJSON();

  it('is a valid draft', () => {
    expect(() => DRAFT_SCHEMA.nodeFromJSON(json).check()).not.toThrow();
  });

  it('has its title as headline and a standfirst', () => {
    expect(draftHeadlineText(json)).toBe(DEMO_DRAFT_TITLE);
    expect(textOf(json.content[1]).length).toBeGreaterThan(40);
  });

  it('shows every kind of block and mark a story uses', () => {
    const types = new Set(nodeTypesOf(json));
    for (const type of ['heading', 'bulletList', 'blockquote', 'pullQuote', 'paragraph']) expect(types).toContain(type);
    expect(bodyOf(json).filter((block) => block.type === 'heading')).toHaveLength(2);
    const marks = new Set(marksOf(json).map((mark) => mark.type));
    for (const mark of ['bold', 'italic', 'link']) expect(marks).toContain(mark);
  });

  it('is a short news story (roughly 350 words)', () => {
    const words = textOf(json).split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThan(300);
    expect(words).toBeLessThan(420);
  });

  it('survives import whole: the schema drops none of its copy', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    const sourceText = DEMO_DRAFT_HTML.replace(/<\/?(?:strong|em|a)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ');
    const textblocks = (node: Parameters<typeof textOf>[0]): string[] =>
      node.type !== 'doc' && node.content?.every((child) => child.type === 'text' || child.type === 'hardBreak')
        ? [textOf(node)]
        : (node.content ?? []).flatMap(textblocks);
    expect(words(textblocks(json).join(' '))).toEqual(words(sourceText));
  });

  it('gives independent drafts on each call', () => {
    const clientIds = (state: Uint8Array) => [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)).keys()];
    expect(clientIds(demoDraftState())).not.toEqual(clientIds(demoDraftState()));
  });

  it('does not read the shared samples at run time', () => {
    const source = readFileSync(new URL('../../../server/drafts/demoDraft.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/samples|readFile|node:fs/);
  });
});
