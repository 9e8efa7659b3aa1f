import { describe, expect, it } from 'vitest';
import { openFlagsForSignOff } from '../../../client/panels/signoff/openFlagsForSignOff.ts';
import type { FlagKind, FlagStatus } from '../../../shared/annotations/kinds.ts';

const flag = (id: string, kind: FlagKind, status: FlagStatus = 'open') => ({ id, kind, status });

describe('the flags listed when signing off', () => {
  it('are the open ones, legal risks first, the rest in their own order when the document order is not known', () => {
    const flags = [
      flag('tax claim', 'claim'),
      flag('cleared quote', 'legal-risk', 'resolved'),
      flag('reserve claim', 'claim'),
      flag('unnamed critics', 'source-needed'),
      flag('contractor', 'legal-risk'),
      flag('attributed', 'source-needed', 'resolved'),
      flag('minor', 'legal-risk'),
    ];
    expect(openFlagsForSignOff(flags).map((f) => f.id)).toEqual(['contractor', 'minor', 'tax claim', 'reserve claim', 'unnamed critics']);
    expect(flags[0]!.id).toBe('tax claim');
  });

  it('come in document order within each group, as the panel lists them, with flags not placed yet last', () => {
    const flags = [
      flag('tax claim', 'claim'),
      flag('contractor', 'legal-risk'),
      flag('reserve claim', 'claim'),
      flag('just made', 'source-needed'),
      flag('minor', 'legal-risk'),
      flag('unnamed critics', 'source-needed'),
    ];
    const documentOrder = ['minor', 'unnamed critics', 'reserve claim', 'gone flag', 'contractor', 'tax claim'];
    expect(openFlagsForSignOff(flags, documentOrder).map((f) => f.id)).toEqual([
      'minor',
      'contractor',
      'unnamed critics',
      'reserve claim',
      'tax claim',
      'just made',
    ]);
  });

  it('are none when nothing is open', () => {
    expect(openFlagsForSignOff([flag('done', 'claim', 'resolved')])).toEqual([]);
  });
});
