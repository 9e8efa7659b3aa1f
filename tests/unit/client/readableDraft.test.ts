import { describe, expect, it } from 'vitest';
import { listedDraftsSchema, readableDraftSchema } from '../../../client/api/drafts.ts';

const summary = {
  id: 'draft-0001',
  title: 'Ferry strike called off',
  createdAt: '2026-12-08T09:00:00.000Z',
  updatedAt: '2026-12-08T09:05:00.000Z',
  present: [],
};

/** A tab left open across a deploy reads what a newer server sends. */
describe('a draft summary as the page reads it', () => {
  it('keeps every state it knows', () => {
    expect(readableDraftSchema.parse({ ...summary, state: 'spiked' }).state).toBe('spiked');
    expect(readableDraftSchema.parse({ ...summary, state: 'legal-review' }).state).toBe('legal-review');
  });

  it('reads a state it does not know, or none, as a draft instead of refusing the answer', () => {
    expect(readableDraftSchema.parse({ ...summary, state: 'archived' }).state).toBe('draft');
    expect(readableDraftSchema.parse(summary).state).toBe('draft');
    const list = listedDraftsSchema.parse({ drafts: [{ ...summary, state: 'archived' }, { ...summary, id: 'draft-0002', state: 'in-review', locked: true }] });
    expect(list.drafts.map((draft) => [draft.id, draft.state, draft.locked])).toEqual([
      ['draft-0001', 'draft', undefined],
      ['draft-0002', 'in-review', true],
    ]);
  });

  it('still refuses an answer that is not a draft at all', () => {
    expect(readableDraftSchema.safeParse({ ...summary, id: 42, state: 'draft' }).success).toBe(false);
  });
});
