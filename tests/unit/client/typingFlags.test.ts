import { Schema, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { drawnRanges, type FlagDecorationSpec } from '../../../client/editor/flags/flagDrawing.ts';
import { innermostFlagAt, isStillTyping, trackFlagsAt } from '../../../client/editor/flags/typingFlags.ts';

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});
const docOf = (...paragraphs: string[]): ProseMirrorNode =>
  schema.node('doc', null, paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])));
const flag = (from: number, to: number, flagId: string) =>
  Decoration.inline(from, to, { nodeName: 'span', class: 'flag' }, { flagId } satisfies FlagDecorationSpec);

// "alpha beta gamma" is 1..17: "alpha" 1..6, "beta" 7..11, "gamma" 12..17.
const doc = docOf('alpha beta gamma', 'delta');
const specsOf = (set: DecorationSet) =>
  Object.fromEntries(
    (set.find() as Decoration[]).map((d) => {
      const spec = d.spec as FlagDecorationSpec;
      return [spec.flagId, { from: d.from, to: d.to, isTracking: spec.isTracking === true }];
    }),
  );

describe('trackFlagsAt', () => {
  const set = DecorationSet.create(doc, [flag(1, 11, 'outer'), flag(7, 11, 'beta'), flag(12, 17, 'gamma')]);

  it('turns every flag under the caret into a tracking one at the same span, and leaves the others drawn', () => {
    const { decorations, ids } = trackFlagsAt(set, doc, 9);
    expect([...ids].sort()).toEqual(['beta', 'outer']);
    expect(specsOf(decorations)).toEqual({
      outer: { from: 1, to: 11, isTracking: true },
      beta: { from: 7, to: 11, isTracking: true },
      gamma: { from: 12, to: 17, isTracking: false },
    });
    // Tracking decorations draw nothing: no attributes, so ProseMirror adds no element around the text.
    for (const decoration of decorations.find(1, 11) as Decoration[]) expect((decoration as unknown as { type: { attrs: object } }).type.attrs).toEqual({});
    // The spans are still found where the code looks for them.
    expect(Object.fromEntries(drawnRanges(decorations))).toEqual({ outer: { from: 1, to: 11 }, beta: { from: 7, to: 11 }, gamma: { from: 12, to: 17 } });
  });

  it('returns the very same set when no drawn flag is under the caret, and names the tracking ones already there', () => {
    expect(trackFlagsAt(set, doc, 19).decorations).toBe(set);
    const tracked = trackFlagsAt(set, doc, 14).decorations;
    const again = trackFlagsAt(tracked, doc, 15);
    expect(again.decorations).toBe(tracked);
    expect([...again.ids]).toEqual(['gamma']);
  });

  it('maps tracking spans through edits like drawn ones', () => {
    const { decorations } = trackFlagsAt(set, doc, 9);
    const typed = docOf('alpha bexta gamma', 'delta');
    // One character typed at 9, inside "beta".
    const mapped = decorations.map(new Mapping([new StepMap([9, 0, 1])]), typed);
    expect(specsOf(mapped)).toEqual({
      outer: { from: 1, to: 12, isTracking: true },
      beta: { from: 7, to: 12, isTracking: true },
      gamma: { from: 13, to: 18, isTracking: false },
    });
  });
});

describe('isStillTyping', () => {
  const { decorations } = trackFlagsAt(DecorationSet.create(doc, [flag(1, 11, 'outer'), flag(7, 11, 'beta')]), doc, 9);

  it('is true while the caret is inside every flag typed in, and false once it has left one of them or there are none', () => {
    expect(isStillTyping(decorations, new Set(['outer', 'beta']), 10)).toBe(true);
    expect(isStillTyping(decorations, new Set(['outer', 'beta']), 3)).toBe(false);
    expect(isStillTyping(decorations, new Set(['outer']), 14)).toBe(false);
    expect(isStillTyping(decorations, new Set(), 9)).toBe(false);
  });
});

describe('innermostFlagAt', () => {
  it('names the shortest flag strictly around a position, or none', () => {
    const set = DecorationSet.create(doc, [flag(1, 11, 'outer'), flag(7, 11, 'beta')]);
    expect(innermostFlagAt(set, 9)).toBe('beta');
    expect(innermostFlagAt(set, 3)).toBe('outer');
    expect(innermostFlagAt(set, 14)).toBeNull();
  });
});
