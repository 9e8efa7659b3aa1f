/**
 * How soon after a change the flags' anchors are resolved again:
 * - `now` (next task): the editor just opened. (New flags, and the copy's first
 *   arrival, are drawn sooner still, before the browser renders: FlagHighlights.)
 * - `soon`: someone else's edit. Its highlights
 *   were only approximately mapped, so they are redrawn from the anchors
 *   shortly; a burst of such changes is served by the first timer.
 * - `after-pause`: this person typed. Their own edits map the highlights
 *   exactly, so the recompute waits until typing has paused: every keystroke
 *   pushes it back, so none of them has to share a frame with it.
 */
export type RecomputeUrgency = 'now' | 'soon' | 'after-pause';

/** The delay of each urgency, in milliseconds. */
export const RECOMPUTE_DELAY_MS: Readonly<Record<RecomputeUrgency, number>> = { now: 0, soon: 60, 'after-pause': 400 };

export interface TimerHost {
  now: () => number;
  setTimeout: (run: () => void, delayMs: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const browserTimers: TimerHost = {
  now: () => Date.now(),
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One pending recompute at a time. A pending `now` or `soon` run is never
 * postponed, by typing or anything else (a remote edit's highlights stay
 * approximate until it runs); a pending `after-pause` run gives way to an
 * earlier urgent one.
 */
export class RecomputeTimer {
  private handle: unknown = null;
  private dueAt = Number.POSITIVE_INFINITY;
  private isUrgent = false;

  constructor(
    private readonly run: () => void,
    private readonly host: TimerHost = browserTimers,
  ) {}

  get isPending(): boolean {
    return this.handle !== null;
  }

  schedule(urgency: RecomputeUrgency): void {
    const now = this.host.now();
    const delayMs = RECOMPUTE_DELAY_MS[urgency];
    if (urgency === 'after-pause') {
      if (this.isPending && this.isUrgent) return;
      this.start(now, delayMs, false);
    } else {
      if (this.isPending && this.dueAt <= now + delayMs) return;
      this.start(now, delayMs, true);
    }
  }

  cancel(): void {
    if (this.handle !== null) this.host.clearTimeout(this.handle);
    this.handle = null;
    this.dueAt = Number.POSITIVE_INFINITY;
    this.isUrgent = false;
  }

  private start(now: number, delayMs: number, isUrgent: boolean): void {
    this.cancel();
    this.dueAt = now + delayMs;
    this.isUrgent = isUrgent;
    this.handle = this.host.setTimeout(() => {
      this.handle = null;
      this.dueAt = Number.POSITIVE_INFINITY;
      this.isUrgent = false;
      this.run();
    }, delayMs);
  }
}
