import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CARET_PUBLISH_DELAY_MS, CARET_PUBLISH_GAP_MS, pacedCaretAwareness } from '../../../client/editor/collab/pacedCaretAwareness.ts';

describe('pacedCaretAwareness', () => {
  let awareness: Awareness;
  /** The caret of every awareness update this person sent, in order. */
  let sent: unknown[];

  beforeEach(() => {
    vi.useFakeTimers();
    awareness = new Awareness(new Y.Doc());
    sent = [];
    awareness.on('update', (_changes: unknown, origin: unknown) => {
      if (origin === 'local') sent.push(awareness.getLocalState()?.cursor ?? null);
    });
  });
  afterEach(() => {
    awareness.destroy();
    vi.useRealTimers();
  });

  const timers = () => ({
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  });

  it('publishes a lone caret move a moment later, not inside the keystroke', () => {
    const paced = pacedCaretAwareness(awareness, timers());
    paced.setLocalStateField('cursor', { at: 1 });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(CARET_PUBLISH_DELAY_MS);
    expect(sent).toEqual([{ at: 1 }]);
  });

  it('publishes a caret that keeps moving at most once per gap, always its latest position', () => {
    const paced = pacedCaretAwareness(awareness, timers());
    // Twelve keys a second for one second.
    for (let key = 1; key <= 12; key++) {
      paced.setLocalStateField('cursor', { at: key });
      vi.advanceTimersByTime(1000 / 12);
    }
    vi.advanceTimersByTime(CARET_PUBLISH_GAP_MS);
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(1000 / CARET_PUBLISH_GAP_MS));
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.at(-1)).toEqual({ at: 12 });
    expect(awareness.getLocalState()?.cursor).toEqual({ at: 12 });
  });

  it('removes the caret at once and drops a move still waiting', () => {
    const paced = pacedCaretAwareness(awareness, timers());
    paced.setLocalStateField('cursor', { at: 1 });
    paced.setLocalStateField('cursor', null);
    expect(sent).toEqual([null]);
    vi.advanceTimersByTime(CARET_PUBLISH_GAP_MS * 2);
    expect(sent).toEqual([null]);
  });

  it('sets other fields at once and leaves a waiting caret alone', () => {
    const paced = pacedCaretAwareness(awareness, timers());
    paced.setLocalStateField('cursor', { at: 1 });
    paced.setLocalStateField('user', { name: 'Eddie Editor' });
    expect(awareness.getLocalState()?.user).toEqual({ name: 'Eddie Editor' });
    vi.advanceTimersByTime(CARET_PUBLISH_DELAY_MS);
    expect(awareness.getLocalState()).toMatchObject({ user: { name: 'Eddie Editor' }, cursor: { at: 1 } });
  });

  it('shows the same states and update events as the awareness it paces', () => {
    const paced = pacedCaretAwareness(awareness, timers());
    const updates: unknown[] = [];
    const listener = (update: unknown) => updates.push(update);
    paced.on('update', listener);
    awareness.setLocalStateField('user', { name: 'Lena Legal' });
    expect(updates).toHaveLength(1);
    expect(paced.getStates()).toBe(awareness.getStates());
    expect(paced.states).toBe(awareness.states);
    expect(paced.getLocalState()).toBe(awareness.getLocalState());
    paced.off('update', listener);
    awareness.setLocalStateField('user', { name: 'Lena L.' });
    expect(updates).toHaveLength(1);
  });

  it("tells change listeners of other people's states, not of this person's own alone", () => {
    const paced = pacedCaretAwareness(awareness, timers());
    const changes: unknown[] = [];
    const listener = (change: unknown) => changes.push(change);
    paced.on('change', listener);

    // This person's caret: the cursor plugin draws no caret for it, so it is not told.
    paced.setLocalStateField('cursor', { at: 1 });
    vi.advanceTimersByTime(CARET_PUBLISH_DELAY_MS);
    expect(awareness.getLocalState()?.cursor).toEqual({ at: 1 });
    expect(changes).toEqual([]);

    // Someone else's caret arrives: it is told.
    const colleague = new Awareness(new Y.Doc());
    colleague.setLocalStateField('cursor', { at: 7 });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(colleague, [colleague.clientID]), 'remote');
    expect(changes).toEqual([{ added: [colleague.clientID], updated: [], removed: [] }]);

    paced.off('change', listener);
    colleague.setLocalStateField('cursor', { at: 8 });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(colleague, [colleague.clientID]), 'remote');
    expect(changes).toHaveLength(1);
    colleague.destroy();
  });
});
