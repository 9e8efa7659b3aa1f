import { describe, expect, it } from 'vitest';
import { DESK_ACTIONS, FLAG_ACTIONS } from '../../../shared/annotations/activityActions.ts';
import { deskActionWords, deskDetail, flagActionWords } from '../../../client/panels/annotations/activityWords.ts';

const told = (action: string, detail: Record<string, unknown>) => `${deskActionWords(action)} ${deskDetail(action, detail)}`.trim();

describe('the activity log in words', () => {
  it('names the desk state a draft moved to as the badge does', () => {
    expect(told(DESK_ACTIONS.stateChanged, { from: 'draft', to: 'legal-review' })).toBe('moved the draft to “Legal review”');
    expect(told(DESK_ACTIONS.stateChanged, { from: 'legal-review', to: 'in-review' })).toBe('moved the draft to “In review”');
  });

  it('names versions, checkpoints and restores by their names', () => {
    expect(told(DESK_ACTIONS.versionSaved, { versionId: 'v1', name: 'after legal read', wordCount: 640 })).toBe('saved a version “after legal read”');
    expect(told(DESK_ACTIONS.checkpointSaved, { versionId: 'v2', name: 'Checkpoint' })).toBe('made an automatic checkpoint “Checkpoint”');
    expect(told(DESK_ACTIONS.versionRestored, { versionId: 'v3', name: 'first cut' })).toBe('restored a version “first cut”');
  });

  it('says a sign-off once, and lists the legal-risk flags an override went over with its reason', () => {
    expect(told(DESK_ACTIONS.signedOff, { note: '', override: 'cleared by phone', openFlags: 2 })).toBe('signed off the draft');
    const legalFlags = [
      { id: 'a', kind: 'legal-risk', quote: 'took a bribe', status: 'open' },
      { id: 'b', kind: 'legal-risk', quote: 'x'.repeat(80), status: 'open' },
    ];
    expect(told(DESK_ACTIONS.signoffOverride, { signoffId: 's', reason: 'cleared by phone', legalFlags })).toBe(
      `signed off over the open legal-risk flags “took a bribe”, “${'x'.repeat(59)}…”. Reason: cleared by phone`,
    );
    // An entry whose detail is not what this version writes still reads as a sentence.
    expect(told(DESK_ACTIONS.signoffOverride, { legalFlags: 'garbled' })).toBe('signed off over open legal-risk flags');
  });

  it('reads every action the server logs, and an unknown one as its words', () => {
    for (const action of Object.values(DESK_ACTIONS)) expect(deskActionWords(action)).not.toContain('-');
    for (const action of Object.values(FLAG_ACTIONS)) expect(flagActionWords(action)).not.toContain('-');
    expect(flagActionWords('comment-pinned')).toBe('comment pinned');
    expect(told('draft-archived', { by: 'someone' })).toBe('draft archived');
  });
});
