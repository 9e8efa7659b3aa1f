import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SaveTracker, type AckedClockStore } from '../../../client/editor/collab/SaveTracker.ts';

const SERVER = { name: 'provider' };
const CACHE = { name: 'offline copy' };

/** An AckedClockStore in memory, like localStorage across a reload. */
function memoryStore(initial: Map<number, number> = new Map()): AckedClockStore & { saved: Map<number, number> | null } {
  const store = {
    saved: null as Map<number, number> | null,
    load: () => new Map(initial),
    store: (clocks: ReadonlyMap<number, number>) => {
      store.saved = new Map(clocks);
    },
  };
  return store;
}

const ownClock = (doc: Y.Doc) => new Map([[doc.clientID, Y.getState(doc.store, doc.clientID)]]);

describe('SaveTracker: is what this tab holds stored on the server?', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('an edit is unsaved until the server acks its clock, then saved with the time of the ack', () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc, { serverOrigin: SERVER, cacheOrigin: CACHE, now: () => new Date('2026-11-27T09:00:00Z') });
    expect(tracker.state.get()).toEqual({ hasUnsavedChanges: false, lastSavedAt: null });

    doc.getText('t').insert(0, 'Council votes');
    expect(tracker.state.get().hasUnsavedChanges).toBe(true);

    tracker.ackSaved(ownClock(doc));
    expect(tracker.state.get()).toEqual({ hasUnsavedChanges: false, lastSavedAt: new Date('2026-11-27T09:00:00Z') });
  });

  it('a deletion, which advances no clock, stays unsaved until the next saved frame', () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc, { serverOrigin: SERVER, cacheOrigin: CACHE });
    doc.getText('t').insert(0, 'allegedly');
    tracker.ackSaved(ownClock(doc));

    doc.getText('t').delete(0, 4);
    expect(tracker.state.get().hasUnsavedChanges).toBe(true);
    tracker.ackSaved(ownClock(doc));
    expect(tracker.state.get().hasUnsavedChanges).toBe(false);
  });

  it('an insertion is saved once the server state covers its clock, with no saved frame; only a deletion waits for one', () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc, { serverOrigin: SERVER, cacheOrigin: CACHE });
    doc.getText('t').insert(0, 'Ferry strike ends');
    tracker.ackServerState(ownClock(doc));
    expect(tracker.state.get().hasUnsavedChanges).toBe(false);

    // Deleting and inserting in one transaction advances the clock: the server state covers it too.
    doc.transact(() => {
      doc.getText('t').delete(0, 6);
      doc.getText('t').insert(0, 'Bus');
    });
    tracker.ackServerState(ownClock(doc));
    expect(tracker.state.get().hasUnsavedChanges).toBe(false);

    doc.getText('t').delete(0, 4);
    tracker.ackServerState(ownClock(doc));
    expect(tracker.state.get().hasUnsavedChanges).toBe(true);
  });

  it('edits that came from the server are stored there already', () => {
    const writer = new Y.Doc();
    writer.getText('t').insert(0, 'from a colleague');
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc, { serverOrigin: SERVER, cacheOrigin: CACHE });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer), SERVER);
    expect(tracker.state.get().hasUnsavedChanges).toBe(false);
  });

  it('a reopened draft knows from the stored clocks that its restored edits were saved, even reloaded within a second of the ack', () => {
    vi.useFakeTimers();
    const first = new Y.Doc();
    const store = memoryStore();
    const tracker = new SaveTracker(first, { serverOrigin: SERVER, cacheOrigin: CACHE, ackedClocks: store });
    first.getText('t').insert(0, 'filed from the train');
    tracker.ackSaved(ownClock(first));
    // The page goes away before the one-second write-out timer fires.
    expect(store.saved).toBeNull();
    tracker.persistNow();
    expect(store.saved).toEqual(ownClock(first));

    // Reopened: the offline copy restores the edit; no server to ask.
    const reopened = new Y.Doc();
    const again = new SaveTracker(reopened, { serverOrigin: SERVER, cacheOrigin: CACHE, ackedClocks: memoryStore(store.saved!) });
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(first), CACHE);
    expect(again.state.get().hasUnsavedChanges).toBe(false);

    // Without the stored clocks the same restored edit would count as unsent.
    const restored = new Y.Doc();
    const forgetful = new SaveTracker(restored, { serverOrigin: SERVER, cacheOrigin: CACHE, ackedClocks: memoryStore() });
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(first), CACHE);
    expect(forgetful.state.get().hasUnsavedChanges).toBe(true);
  });

  it('writes acked clocks out a second after an ack without being asked', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const store = memoryStore();
    const tracker = new SaveTracker(doc, { serverOrigin: SERVER, cacheOrigin: CACHE, ackedClocks: store });
    doc.getText('t').insert(0, 'x');
    tracker.ackSaved(ownClock(doc));
    vi.advanceTimersByTime(1000);
    expect(store.saved).toEqual(ownClock(doc));
  });
});
