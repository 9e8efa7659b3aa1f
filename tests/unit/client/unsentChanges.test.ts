import { describe, expect, it } from 'vitest';
import { areChangesOnlyInThisTab } from '../../../client/panels/status/unsentChanges.ts';

describe('when leaving a draft would lose changes', () => {
  it('is when the server has not stored them and this device keeps no copy of them', () => {
    expect(areChangesOnlyInThisTab('failed', true)).toBe(true);
    // The device's copy is still opening: the whole draft goes into it only once it has opened.
    expect(areChangesOnlyInThisTab('opening', true)).toBe(true);
  });

  it('is never once the device keeps them, nor when the server has them all', () => {
    expect(areChangesOnlyInThisTab('kept', true)).toBe(false);
    expect(areChangesOnlyInThisTab('failed', false)).toBe(false);
    expect(areChangesOnlyInThisTab('opening', false)).toBe(false);
  });
});
