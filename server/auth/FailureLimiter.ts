export interface FailureLimiterOptions {
  /** Failures allowed within `windowMs`; the next attempt waits. */
  maxFailures: number;
  windowMs: number;
  /** Keys remembered at most; past this the least recently failed is forgotten. */
  maxKeys?: number;
  now?: () => number;
}

/**
 * Counts failed attempts per key (a username, a client address) over a
 * sliding window, in this process's memory (RedisFailureCounts shares them
 * between instances).
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: FailureLimiterOptions) {
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.options.maxFailures) return 0;
    // The window slides: the attempt is allowed again once enough old failures age out.
    const freeing = recent[recent.length - this.options.maxFailures]!;
    return Math.max(1, freeing + this.options.windowMs - this.now());
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    // Re-inserting moves the key to the end, so eviction takes the stalest.
    this.failures.delete(key);
    this.failures.set(key, recent.slice(-this.options.maxFailures));
    if (this.failures.size > this.maxKeys) {
      const stalest = this.failures.keys().next().value;
      if (stalest !== undefined) this.failures.delete(stalest);
    }
  }

  /** Forgets `key`'s failures (after a successful sign-in). */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}
