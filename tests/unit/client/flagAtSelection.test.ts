import { Schema } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import type { FlagDecorationSpec } from '../../../client/editor/flags/flagDrawing.ts';
import { flagAtSelection } from '../../../client/editor/flags/flagAtSelection.ts';
import { trackingDecoration } from '../../../client/editor/flags/typingFlags.ts';

const schema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} },
});
const flag = (from: number, to: number, flagId: string) =>
  Decoration.inline(from, to, { nodeName: 'span', class: 'flag' }, { flagId } satisfies FlagDecorationSpec);

// "alpha beta gamma" is 1..17: "alpha" 1..6, "beta" 7..11, "gamma" 12..17.
const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('alpha beta gamma')])]);

/** The flag Alt+Enter opens for a caret or selection. */
describe('flagAtSelection', () => {
  const set = DecorationSet.create(doc, [flag(1, 11, 'outer'), flag(7, 11, 'beta'), flag(11, 17, 'after')]);

  it('gives the innermost flag holding the caret', () => {
    expect(flagAtSelection(set, 3, 3)).toBe('outer');
    expect(flagAtSelection(set, 8, 8)).toBe('beta');
    expect(flagAtSelection(set, 14, 14)).toBe('after');
  });

  it('counts a caret at a flag’s edge as in it, and prefers the flag it is inside where two touch', () => {
    expect(flagAtSelection(set, 1, 1)).toBe('outer');
    expect(flagAtSelection(set, 17, 17)).toBe('after');
    // 11 ends "beta" and "outer" and starts "after": inside none, so the shortest of them.
    expect(flagAtSelection(set, 11, 11)).toBe('beta');
  });

  it('gives the innermost flag holding the whole selection, and none when no flag holds all of it', () => {
    expect(flagAtSelection(set, 7, 11)).toBe('beta');
    expect(flagAtSelection(set, 3, 9)).toBe('outer');
    expect(flagAtSelection(set, 9, 14)).toBeNull();
  });

  it('finds a flag being typed in (drawn with no element) as any other', () => {
    const typing = DecorationSet.create(doc, [trackingDecoration(7, 11, 'beta')]);
    expect(flagAtSelection(typing, 8, 8)).toBe('beta');
    expect(flagAtSelection(DecorationSet.empty, 8, 8)).toBeNull();
  });
});
