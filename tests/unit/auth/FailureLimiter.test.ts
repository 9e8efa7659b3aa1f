import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../../server/auth/FailureLimiter.ts';

describe('FailureLimiter', () => {
  const make = (maxKeys?: number) => {
    let now = 1_000_000;
    const limiter = new FailureLimiter({ maxFailures: 3, windowMs: 60_000, maxKeys, now: () => now });
    return { limiter, advance: (ms: number) => (now += ms) };
  };

  it('allows maxFailures failures, then makes the key wait until the oldest leaves the window', () => {
    const { limiter, advance } = make();
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('editor')).toBe(0);
      limiter.recordFailure('editor');
      advance(10_000);
    }
    // Failures at 0, 10 s and 20 s; it is now 30 s: the first one ages out at 60 s.
    expect(limiter.retryAfterMs('editor')).toBe(30_000);
    expect(limiter.retryAfterMs('legal')).toBe(0);
    advance(30_000);
    expect(limiter.retryAfterMs('editor')).toBe(0);
    limiter.recordFailure('editor');
    // The window slides: 10 s, 20 s and 60 s remain; the next frees at 70 s.
    expect(limiter.retryAfterMs('editor')).toBe(10_000);
  });

  it('forgets a key on clear', () => {
    const { limiter } = make();
    for (let i = 0; i < 3; i++) limiter.recordFailure('editor');
    expect(limiter.retryAfterMs('editor')).toBeGreaterThan(0);
    limiter.clear('editor');
    expect(limiter.retryAfterMs('editor')).toBe(0);
  });

  it('remembers at most maxKeys keys, dropping the stalest', () => {
    const { limiter } = make(2);
    for (const key of ['a', 'b', 'c']) for (let i = 0; i < 3; i++) limiter.recordFailure(key);
    expect(limiter.retryAfterMs('a')).toBe(0);
    expect(limiter.retryAfterMs('b')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('c')).toBeGreaterThan(0);
  });
});
