import { Schema, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { diffMapping, drawnRanges, isDrawnAsLaidOut } from '../../../client/editor/flags/flagDrawing.ts';
import type { FlagLayout } from '../../../client/editor/flags/flagLayout.ts';

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});
const docOf = (...paragraphs: string[]): ProseMirrorNode =>
  schema.node('doc', null, paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])));
const flag = (from: number, to: number, flagId: string) => Decoration.inline(from, to, { class: 'flag' }, { flagId });

// "alpha beta" is 1..11, the second paragraph's "gamma delta" 13..24.
const doc = docOf('alpha beta', 'gamma delta');

describe('drawnRanges', () => {
  it('reads the span of every flag, also one drawn across blocks, and looks up one flag', () => {
    const set = DecorationSet.create(doc, [flag(7, 18, 'across'), flag(1, 6, 'alpha')]);
    expect(Object.fromEntries(drawnRanges(set))).toEqual({ across: { from: 7, to: 18 }, alpha: { from: 1, to: 6 } });
    expect([...drawnRanges(set, 'across').keys()]).toEqual(['across']);
  });
});

describe('isDrawnAsLaidOut', () => {
  const layout = (ranges: Record<string, [number, number] | null>, levels: Record<string, number>): FlagLayout => ({
    order: Object.keys(ranges),
    ranges: new Map(Object.entries(ranges).map(([id, r]) => [id, r && { from: r[0], to: r[1] }])),
    levels: new Map(Object.entries(levels)),
  });
  const drawn = new Map([
    ['a', { from: 1, to: 6 }],
    ['b', { from: 7, to: 18 }],
  ]);
  const levels = new Map([
    ['a', 0],
    ['b', 0],
  ]);

  it('is true when every drawable flag is drawn at its span and level, gone ones not drawn', () => {
    expect(isDrawnAsLaidOut(drawn, levels, layout({ a: [1, 6], b: [7, 18], gone: null }, { a: 0, b: 0 }), doc.content.size)).toBe(true);
  });

  it('is false when a span moved, a level changed, a flag is missing or one too many is drawn', () => {
    const size = doc.content.size;
    expect(isDrawnAsLaidOut(drawn, levels, layout({ a: [1, 6], b: [7, 19] }, { a: 0, b: 0 }), size)).toBe(false);
    expect(isDrawnAsLaidOut(drawn, levels, layout({ a: [1, 6], b: [7, 18] }, { a: 0, b: 1 }), size)).toBe(false);
    expect(isDrawnAsLaidOut(drawn, levels, layout({ a: [1, 6], b: [7, 18], c: [13, 18] }, { a: 0, b: 0, c: 1 }), size)).toBe(false);
    expect(isDrawnAsLaidOut(drawn, levels, layout({ a: [1, 6] }, { a: 0 }), size)).toBe(false);
  });
});

describe('diffMapping', () => {
  it('maps positions through the one changed range and leaves the rest alone', () => {
    const after = docOf('alpha beta', 'gamma new delta');
    const mapping = diffMapping(doc, after);
    expect(mapping.map(3)).toBe(3);
    expect(mapping.map(19)).toBe(23);
    expect(diffMapping(doc, docOf('alpha beta', 'gamma delta')).maps.length).toBe(0);
  });
});
