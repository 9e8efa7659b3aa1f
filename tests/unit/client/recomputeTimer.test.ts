import { describe, expect, it } from 'vitest';
import { RecomputeTimer, RECOMPUTE_DELAY_MS, type TimerHost } from '../../../client/editor/flags/RecomputeTimer.ts';

/** A clock and timers under the test's control. */
function fakeHost() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  const host: TimerHost = {
    now: () => now,
    setTimeout: (run, delayMs) => {
      const id = nextId++;
      timers.set(id, { at: now + delayMs, run });
      return id;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { host, advance, pending: () => timers.size };
}

describe('RecomputeTimer', () => {
  it('runs after own typing has paused, each keystroke pushing the run back', () => {
    const { host, advance } = fakeHost();
    let runs = 0;
    const timer = new RecomputeTimer(() => runs++, host);
    for (let key = 0; key < 20; key++) {
      timer.schedule('after-pause');
      advance(100);
    }
    expect(runs).toBe(0);
    advance(RECOMPUTE_DELAY_MS['after-pause']);
    expect(runs).toBe(1);
  });

  it('does not let typing postpone the run a remote edit asked for', () => {
    const { host, advance } = fakeHost();
    let runs = 0;
    const timer = new RecomputeTimer(() => runs++, host);
    timer.schedule('soon');
    advance(30);
    timer.schedule('after-pause');
    advance(RECOMPUTE_DELAY_MS.soon - 30);
    expect(runs).toBe(1);
    expect(timer.isPending).toBe(false);
  });

  it('serves a burst of remote edits with one run, and brings a pending pause run forward', () => {
    const { host, advance } = fakeHost();
    let runs = 0;
    const timer = new RecomputeTimer(() => runs++, host);
    timer.schedule('after-pause');
    timer.schedule('soon');
    advance(20);
    timer.schedule('soon');
    advance(RECOMPUTE_DELAY_MS.soon - 20);
    expect(runs).toBe(1);
    advance(1000);
    expect(runs).toBe(1);
  });

  it('runs at once when the flags change, and not at all once cancelled', () => {
    const { host, advance, pending } = fakeHost();
    let runs = 0;
    const timer = new RecomputeTimer(() => runs++, host);
    timer.schedule('after-pause');
    timer.schedule('now');
    advance(0);
    expect(runs).toBe(1);
    timer.schedule('soon');
    timer.cancel();
    advance(1000);
    expect(runs).toBe(1);
    expect(pending()).toBe(0);
  });
});
