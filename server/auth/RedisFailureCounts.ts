import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { answerWithin } from '../answerWithin.ts';
import type { FailureCounts, FailureCountsFactory } from './FailureCounts.ts';
import { FailureLimiter, type FailureLimiterOptions } from './FailureLimiter.ts';

/** A sign-in waits at most this long for Redis before it goes by this instance's own counts. */
const REDIS_ANSWER_TIMEOUT_MS = 1000;

/**
 * Failure counts shared by every instance through Redis: a sorted set per
 * key, each failure scored with its time, trimmed to the last `maxFailures`
 * and expiring with the window. So a limit of five failures is five across
 * the deployment, not five per instance behind the balancer.
 *
 * Each instance also counts its own failures in memory. When Redis does not
 * answer (down, or slower than a second), the limit is judged on those: an
 * outage loosens the limit to what one instance saw, and never locks
 * everyone out nor lets sign-ins hang.
 */
export class RedisFailureCounts implements FailureCounts {
  private readonly local: FailureLimiter;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly options: FailureLimiterOptions,
    private readonly logger: Logger,
  ) {
    this.local = new FailureLimiter(options);
    this.now = options.now ?? Date.now;
  }

  async retryAfterMs(key: string): Promise<number> {
    const now = this.now();
    const { maxFailures, windowMs } = this.options;
    const recent = await this.ask(
      this.redis
        .multi()
        .zremrangebyscore(this.keyOf(key), '-inf', now - windowMs)
        .zrange(this.keyOf(key), -maxFailures, -1, 'WITHSCORES')
        .exec(),
    );
    if (!recent) return this.local.retryAfterMs(key);
    const [, [error, scored]] = recent as [unknown, [Error | null, string[]]];
    if (error) return this.local.retryAfterMs(key);
    // [member, score, member, score, …], oldest first.
    if (scored.length / 2 < maxFailures) return 0;
    const freeing = Number(scored[1]);
    return Math.max(1, freeing + windowMs - now);
  }

  async recordFailure(key: string): Promise<void> {
    this.local.recordFailure(key);
    const now = this.now();
    // Unique members, so two failures in the same millisecond count twice.
    const member = `${now}:${randomBytes(6).toString('hex')}`;
    await this.ask(
      this.redis
        .multi()
        .zadd(this.keyOf(key), now, member)
        .zremrangebyrank(this.keyOf(key), 0, -(this.options.maxFailures + 1))
        .pexpire(this.keyOf(key), this.options.windowMs)
        .exec(),
    );
  }

  async clear(key: string): Promise<void> {
    this.local.clear(key);
    await this.ask(this.redis.del(this.keyOf(key)));
  }

  private keyOf(key: string): string {
    return `${this.keyPrefix}${key}`;
  }

  /** The answer, or undefined when Redis failed or took too long (logged). */
  private async ask<T>(command: Promise<T>): Promise<T | undefined> {
    try {
      const answer = await answerWithin(command, REDIS_ANSWER_TIMEOUT_MS, undefined);
      if (answer === undefined) this.logger.warn('Redis did not answer a sign-in limit in time; this instance judges by its own counts');
      return answer;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Redis failed a sign-in limit; this instance judges by its own counts');
      return undefined;
    }
  }
}

/** Counts shared through `redis`, one key space per scope. */
export const redisFailureCounts =
  (redis: Redis, logger: Logger): FailureCountsFactory =>
  (scope, options) =>
    new RedisFailureCounts(redis, `copydesk:signin-failures:${scope}:`, options, logger);
