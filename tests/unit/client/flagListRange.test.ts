import { describe, expect, it } from 'vitest';
import { withNeighbours } from '../../../client/panels/annotations/VirtualFlagItems.tsx';

describe('the cards a long flag list keeps drawn', () => {
  it('are those near the view when no card has focus', () => {
    expect(withNeighbours([4, 5, 6], -1, 100)).toEqual([4, 5, 6]);
  });

  it('add the focused card and one either side, in order, when it is scrolled out of the view', () => {
    expect(withNeighbours([40, 41, 42], 10, 100)).toEqual([9, 10, 11, 40, 41, 42]);
    expect(withNeighbours([40, 41, 42], 90, 100)).toEqual([40, 41, 42, 89, 90, 91]);
  });

  it('add nothing twice, and nothing past either end of the list', () => {
    expect(withNeighbours([0, 1, 2], 1, 100)).toEqual([0, 1, 2]);
    expect(withNeighbours([0, 1, 2], 3, 100)).toEqual([0, 1, 2, 3, 4]);
    expect(withNeighbours([50, 51], 0, 100)).toEqual([0, 1, 50, 51]);
    expect(withNeighbours([50, 51], 99, 100)).toEqual([50, 51, 98, 99]);
  });

  it('ignore a focused card the list no longer holds', () => {
    expect(withNeighbours([0, 1], 7, 5)).toEqual([0, 1]);
  });
});
