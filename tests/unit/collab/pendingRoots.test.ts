import { describe, expect, it } from 'vitest';
import { PendingRoots, type ItemRange } from '../../../server/collab/PendingRoots.ts';

const range = (client: number, clock: number, end: number, root: string | null = 'body'): ItemRange => ({ client, clock, end, root });

describe('pending roots of accepted, not yet applied items', () => {
  it('finds the root of any clock inside a pending range, per client', () => {
    const pending = new PendingRoots();
    pending.add([range(1, 0, 5, 'body'), range(2, 0, 3, 'annotations')]);
    pending.add([range(1, 5, 9, null)]);
    expect(pending.find(1, 0)).toBe('body');
    expect(pending.find(1, 4)).toBe('body');
    expect(pending.find(1, 5)).toBeNull();
    expect(pending.find(1, 8)).toBeNull();
    expect(pending.find(1, 9)).toBeUndefined();
    expect(pending.find(2, 2)).toBe('annotations');
    expect(pending.find(3, 0)).toBeUndefined();
  });

  it('forgets ranges as their updates are applied, in order or not', () => {
    const pending = new PendingRoots();
    const ranges = Array.from({ length: 3000 }, (_, i) => range(7, i * 2, i * 2 + 2, i % 2 ? 'body' : 'annotations'));
    for (const r of ranges) pending.add([r]);
    for (const r of ranges.slice(0, 2000)) pending.remove([r]);
    expect(pending.find(7, 0)).toBeUndefined();
    expect(pending.find(7, 3999)).toBeUndefined();
    expect(pending.find(7, 4000)).toBe('annotations');
    expect(pending.find(7, 4003)).toBe('body');
    // Out of order: a dropped update in the middle.
    pending.remove([ranges[2500]!]);
    expect(pending.find(7, 5000)).toBeUndefined();
    expect(pending.find(7, 5002)).toBe('body');
    for (const r of ranges) pending.remove([r]);
    expect(pending.find(7, 5998)).toBeUndefined();
    pending.add([range(7, 6000, 6001, 'body')]);
    expect(pending.find(7, 6000)).toBe('body');
  });

  it('keeps ranges in clock order whatever order they are added in, and finds overlapping re-sends', () => {
    const pending = new PendingRoots();
    pending.add([range(1, 10, 20, 'body'), range(1, 0, 10, 'annotations')]);
    expect(pending.find(1, 5)).toBe('annotations');
    expect(pending.find(1, 15)).toBe('body');
    // A re-send covering 12..14 of a range that is still pending.
    pending.add([range(1, 12, 14, 'body')]);
    expect(pending.find(1, 18)).toBe('body');
    expect(pending.find(1, 13)).toBe('body');
  });
});
