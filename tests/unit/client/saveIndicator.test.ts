import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionKind, ConnectionSnapshot } from '../../../client/editor/collab/ConnectionTracker.ts';
import type { SaveSnapshot } from '../../../client/editor/collab/SaveTracker.ts';
import { ValueStore } from '../../../client/editor/collab/ValueStore.ts';
import { SaveIndicator } from '../../../client/panels/status/SaveIndicator.ts';

const SLOW_AFTER_MS = 1000;
const connected = (kind: ConnectionKind = 'connected'): ConnectionSnapshot => ({ kind, detail: null, closeCode: null, remedy: null });

/** A save state and a connection state driven by hand, and an indicator following them, with its notifications counted. */
function setUp() {
  const saves = new ValueStore<SaveSnapshot>({ hasUnsavedChanges: false, lastSavedAt: null });
  const connection = new ValueStore<ConnectionSnapshot>(connected());
  const indicator = new SaveIndicator(saves, connection, SLOW_AFTER_MS);
  const stop = indicator.start();
  const told = { indication: 0, trueState: 0 };
  indicator.indication.subscribe(() => told.indication++);
  indicator.trueState.subscribe(() => told.trueState++);
  const type = () => saves.set({ ...saves.get(), hasUnsavedChanges: true });
  const ack = (at: string) => saves.set({ hasUnsavedChanges: false, lastSavedAt: new Date(at) });
  return { saves, connection, indicator, stop, told, type, ack };
}

describe('SaveIndicator: what the save status says while someone types', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays calm through quick saves: ten keys acked within the same second change what it says once, its true state every time', () => {
    const { indicator, told, type, ack } = setUp();
    for (let key = 0; key < 10; key++) {
      type();
      vi.advanceTimersByTime(5);
      ack(`2026-11-27T09:00:00.${String(100 + key * 50)}Z`);
    }
    // The first ack gave the status a time; the later ones in that second say the same.
    expect(told.indication).toBe(1);
    expect(indicator.indication.get()).toEqual({ shown: 'saved', savedAt: new Date('2026-11-27T09:00:00Z') });
    expect(told.trueState).toBe(20);
    expect(indicator.trueState.get()).toBe('saved');
  });

  it('says "saving" only once a save has lasted a second, and "saved" again when it is stored', () => {
    const { indicator, type, ack } = setUp();
    type();
    expect(indicator.trueState.get()).toBe('saving');
    vi.advanceTimersByTime(SLOW_AFTER_MS - 1);
    expect(indicator.indication.get().shown).toBe('saved');
    vi.advanceTimersByTime(1);
    expect(indicator.indication.get().shown).toBe('saving');

    ack('2026-11-27T09:00:03Z');
    expect(indicator.indication.get()).toEqual({ shown: 'saved', savedAt: new Date('2026-11-27T09:00:03Z') });
  });

  it('starts the second over after each ack: saves that are each quick never read "saving", however long the typing', () => {
    const { indicator, type, ack } = setUp();
    for (let key = 0; key < 30; key++) {
      type();
      vi.advanceTimersByTime(80);
      ack('2026-11-27T09:00:00Z');
      expect(indicator.indication.get().shown).toBe('saved');
    }
  });

  it('tells edits held on this device apart by why they are not sent: offline, or closed by the server', () => {
    const { connection, indicator, type } = setUp();
    connection.set(connected('offline'));
    type();
    expect(indicator.trueState.get()).toBe('unsaved');
    expect(indicator.indication.get().shown).toBe('offline');
    // No connection to save over: nothing is "saving", however long it waits.
    vi.advanceTimersByTime(5 * SLOW_AFTER_MS);
    expect(indicator.indication.get().shown).toBe('offline');

    connection.set(connected('closed'));
    expect(indicator.indication.get().shown).toBe('closed');
  });

  it('stops following once stopped, its timer with it', () => {
    const { stop, told, type } = setUp();
    stop();
    type();
    vi.advanceTimersByTime(5 * SLOW_AFTER_MS);
    expect(told).toEqual({ indication: 0, trueState: 0 });
  });
});
