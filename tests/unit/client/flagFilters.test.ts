import { describe, expect, it } from 'vitest';
import { DEFAULT_FLAG_FILTERS, inDocumentOrder, neighboursOf } from '../../../client/panels/annotations/flagFilters.ts';
import type { FlagKind, FlagStatus } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';

const flag = (id: string, kind: FlagKind, status: FlagStatus = 'open', by = 'eddie'): Flag =>
  ({ id, kind, status, createdBy: { id: by, name: by } }) as Flag;

const ids = (flags: readonly Flag[]) => flags.map((f) => f.id);

describe('the flags the panel lists, and stepping through them', () => {
  const flags = [
    flag('c', 'claim'),
    flag('a', 'legal-risk', 'open', 'lena'),
    flag('new', 'source-needed'),
    flag('b', 'claim', 'resolved'),
    flag('d', 'legal-risk', 'open', 'lena'),
  ];
  const ordered = inDocumentOrder(flags, ['a', 'b', 'gone', 'c', 'd']);

  it('puts flags in document order, the ones not placed yet last', () => {
    expect(ids(ordered)).toEqual(['a', 'b', 'c', 'd', 'new']);
  });

  it('steps over the flags the filters hide', () => {
    expect(neighboursOf(ordered, DEFAULT_FLAG_FILTERS, 'a')).toMatchObject({ previous: undefined, next: { id: 'c' }, position: 1, shownCount: 4 });
    expect(neighboursOf(ordered, DEFAULT_FLAG_FILTERS, 'c')).toMatchObject({ previous: { id: 'a' }, next: { id: 'd' }, position: 2 });
    expect(neighboursOf(ordered, DEFAULT_FLAG_FILTERS, 'new')).toMatchObject({ previous: { id: 'd' }, next: undefined, position: 4 });
    const legal = { ...DEFAULT_FLAG_FILTERS, kind: 'legal-risk' as const };
    expect(neighboursOf(ordered, legal, 'a')).toMatchObject({ previous: undefined, next: { id: 'd' }, position: 1, shownCount: 2 });
    const byEddie = { kind: 'all' as const, status: 'all' as const, author: 'eddie' };
    expect(neighboursOf(ordered, byEddie, 'c')).toMatchObject({ previous: { id: 'b' }, next: { id: 'new' }, position: 2, shownCount: 3 });
  });

  it('finds the neighbours of a flag the filters hide by its place in the document', () => {
    // "b" was resolved a moment ago while the list shows open flags: the next step is the open flag after it.
    expect(neighboursOf(ordered, DEFAULT_FLAG_FILTERS, 'b')).toMatchObject({ previous: { id: 'a' }, next: { id: 'c' }, position: null, shownCount: 4 });
  });
});
