import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisFailureCounts } from '../../../server/auth/RedisFailureCounts.ts';
import { createLogger } from '../../../server/logger.ts';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../../support/redisServer.ts';

const unavailable = redisUnavailableReason();
const WINDOW_MS = 60_000;
const MAX_FAILURES = 3;

/**
 * Failed sign-ins counted in Redis: two instances (two connections, one
 * clock pinned by the test) see one count per key, and an instance that
 * cannot reach Redis judges by the failures it saw itself.
 */
describe.skipIf(unavailable !== undefined)('RedisFailureCounts', () => {
  let redis: RedisServer;
  const connections: Redis[] = [];
  let now = 1_000_000;
  const freshPrefix = () => `test:${Math.random().toString(36).slice(2)}:`;
  let keyPrefix = freshPrefix();

  /** One instance's counts: its own connection, options as the server sets them. */
  const instance = () => {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: 2, retryStrategy: (attempt) => Math.min(attempt * 100, 2000) });
    connection.on('error', () => {});
    connections.push(connection);
    return new RedisFailureCounts(connection, keyPrefix, { maxFailures: MAX_FAILURES, windowMs: WINDOW_MS, now: () => now }, createLogger('silent'));
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.disconnect();
    keyPrefix = freshPrefix();
  });
  afterAll(async () => {
    await redis?.kill();
  });

  it('counts the failures of every instance together, over a sliding window', async () => {
    const [a, b] = [instance(), instance()];
    await a.recordFailure('editor');
    now += 10_000;
    await b.recordFailure('editor');
    now += 10_000;
    expect(await a.retryAfterMs('editor')).toBe(0);
    await a.recordFailure('editor');
    now += 10_000;
    // Failures at 0, 10 s and 20 s, from both: the first ages out at 60 s, 30 s from now.
    expect(await b.retryAfterMs('editor')).toBe(30_000);
    expect(await a.retryAfterMs('editor')).toBe(30_000);
    expect(await a.retryAfterMs('legal')).toBe(0);
    now += 30_000;
    expect(await b.retryAfterMs('editor')).toBe(0);
    await b.recordFailure('editor');
    // 10 s, 20 s and 60 s remain; the next frees at 70 s.
    expect(await a.retryAfterMs('editor')).toBe(10_000);
  });

  it('forgets a key for every instance when one clears it', async () => {
    const [a, b] = [instance(), instance()];
    for (let i = 0; i < MAX_FAILURES; i++) await a.recordFailure('editor');
    expect(await b.retryAfterMs('editor')).toBeGreaterThan(0);
    await b.clear('editor');
    expect(await a.retryAfterMs('editor')).toBe(0);
  });

  it('judges by its own failures while Redis is down, and shares again once it is back', async () => {
    const [a, b] = [instance(), instance()];
    await a.recordFailure('editor');
    await a.recordFailure('editor');
    await b.recordFailure('editor');
    expect(await b.retryAfterMs('editor')).toBeGreaterThan(0);

    await redis.kill();
    // A saw two failures and B one: neither alone reaches three, and neither hangs.
    expect(await a.retryAfterMs('editor')).toBe(0);
    await a.recordFailure('editor');
    expect(await a.retryAfterMs('editor')).toBeGreaterThan(0);
    expect(await b.retryAfterMs('editor')).toBe(0);

    // Redis comes back empty (it keeps nothing on disk); counting across instances resumes.
    await redis.restart();
    await Promise.all(connections.map((c) => (c.status === 'ready' ? undefined : new Promise((resolve) => c.once('ready', resolve)))));
    for (let i = 0; i < MAX_FAILURES; i++) await b.recordFailure('legal');
    expect(await a.retryAfterMs('legal')).toBeGreaterThan(0);
  }, 30_000);
});
