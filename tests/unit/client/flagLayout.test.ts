import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../shared/annotations/types.ts';
import { isSameLayout, layoutFlags } from '../../../client/editor/flags/flagLayout.ts';

const flag = (id: string, createdAt = '2026-01-01T00:00:00Z'): Flag =>
  ({ id, kind: 'claim', start: id, end: id, quote: id, status: 'open', createdAt, createdBy: { id: 'a', name: 'A' }, events: [], comments: [] }) as Flag;

describe('layoutFlags', () => {
  it('orders by start, longer first, and stacks overlapping spans on levels', () => {
    const spans: Record<string, [number | null, number | null]> = {
      inner: [12, 20],
      outer: [10, 40],
      later: [30, 50],
      apart: [60, 70],
      gone: [25, 25],
      lost: [null, null],
    };
    const layout = layoutFlags(Object.keys(spans).map((id) => flag(id)), (f) => spans[f.id]!);
    expect(layout.order).toEqual(['outer', 'inner', 'gone', 'later', 'apart', 'lost']);
    expect(layout.ranges.get('gone')).toBeNull();
    expect(layout.ranges.get('lost')).toBeNull();
    expect(Object.fromEntries(layout.levels)).toEqual({ outer: 0, inner: 1, later: 1, apart: 0 });
  });
});

describe('isSameLayout', () => {
  const spans: Record<string, [number | null, number | null]> = { a: [1, 5], b: [3, 9], c: [null, null] };
  const build = (overrides: Record<string, [number | null, number | null]> = {}) =>
    layoutFlags(['a', 'b', 'c'].map((id) => flag(id)), (f) => overrides[f.id] ?? spans[f.id]!);

  it('says two recomputes that found the same spans are the same', () => {
    expect(isSameLayout(build(), build())).toBe(true);
  });

  it('tells a moved span, a new gone flag and a change of order apart', () => {
    expect(isSameLayout(build(), build({ b: [4, 9] }))).toBe(false);
    expect(isSameLayout(build(), build({ a: [null, null] }))).toBe(false);
    expect(isSameLayout(build(), build({ b: [0, 2] }))).toBe(false);
  });
});
