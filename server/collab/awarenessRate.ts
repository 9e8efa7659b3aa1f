/**
 * A per-connection budget of awareness messages: at most `maxPerSecond` in
 * each one-second window. Awareness is cheap for one client and expensive for
 * the room (every message is decoded, applied and relayed to everyone), so a
 * client that floods it must not be able to make the room do that work at
 * its pace. Pure but for the clock, which tests may pin.
 */
export class AwarenessRate {
  private windowStart = -Infinity;
  private count = 0;

  constructor(
    private readonly maxPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when one more message fits the current window (and counts it); false when it is over budget. */
  take(): boolean {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    if (this.count >= this.maxPerSecond) return false;
    this.count++;
    return true;
  }

  /** Milliseconds until the current window ends and the budget refills (0 when it already has). */
  msUntilRefill(): number {
    return Math.max(0, this.windowStart + 1000 - this.now());
  }
}
