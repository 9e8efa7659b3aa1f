import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { answerWithin } from '../../answerWithin.ts';
import type { Logger } from '../../logger.ts';
import {
  localPeopleIn,
  type PresenceDirectory,
  type PresenceDirectoryFactory,
  type PresentAccount,
  type RoomPeople,
} from '../PresenceDirectory.ts';

export interface RedisPresenceTiming {
  /** How often this instance looks for changes in its rooms' people and publishes them. */
  publishEveryMs: number;
  /** An unchanged entry is written again this often, so readers can tell it is alive. */
  heartbeatMs: number;
  /** An entry older than this is from an instance that stopped: readers ignore it. */
  staleAfterMs: number;
  now: () => number;
}

const DEFAULT_TIMING: RedisPresenceTiming = { publishEveryMs: 2000, heartbeatMs: 10_000, staleAfterMs: 30_000, now: Date.now };

/** The drafts list waits at most this long for Redis before it shows this instance's people alone. */
const READ_TIMEOUT_MS = 500;

const keyOf = (draftId: string) => `copydesk:presence:${draftId}`;

interface Entry {
  at: number;
  people: PresentAccount[];
}

/**
 * Who is in which draft, across instances: each instance keeps, in a Redis
 * hash per draft, one field with the people connected to it, written when
 * they change (looked for every `publishEveryMs`) and again every
 * `heartbeatMs`. A reader merges the fields of the others, fresher than
 * `staleAfterMs`, with its own rooms as they are now; an instance that died
 * stops counting once its field goes stale. Without Redis, the list shows
 * the people on the instance that answers.
 */
export class RedisPresenceDirectory implements PresenceDirectory {
  private readonly instanceId = randomBytes(8).toString('hex');
  /** What was last written per draft, and when. */
  private readonly published = new Map<string, { json: string; at: number }>();
  private readonly timer: NodeJS.Timeout;
  private isPublishing = false;

  constructor(
    private readonly redis: Redis,
    private readonly rooms: () => Iterable<RoomPeople>,
    private readonly logger: Logger,
    private readonly timing: RedisPresenceTiming = DEFAULT_TIMING,
  ) {
    this.timer = setInterval(() => void this.publish(), timing.publishEveryMs);
    this.timer.unref();
  }

  async presentIn(draftIds: readonly string[]): Promise<Map<string, PresentAccount[]>> {
    const found = localPeopleIn(this.rooms, draftIds);
    if (draftIds.length === 0) return found;
    const pipeline = this.redis.pipeline();
    for (const draftId of draftIds) pipeline.hgetall(keyOf(draftId));
    const answers = await answerWithin(
      pipeline.exec().catch(() => null),
      READ_TIMEOUT_MS,
      null,
    );
    if (!answers) return found;
    const freshSince = this.timing.now() - this.timing.staleAfterMs;
    draftIds.forEach((draftId, i) => {
      const [error, fields] = answers[i] as [Error | null, Record<string, string>];
      if (error || !fields) return;
      const people = found.get(draftId)!;
      const seen = new Set(people.map((person) => person.accountId));
      for (const [instanceId, value] of Object.entries(fields)) {
        if (instanceId === this.instanceId) continue;
        const entry = parseEntry(value);
        if (!entry || entry.at < freshSince) continue;
        for (const person of entry.people) {
          if (seen.has(person.accountId)) continue;
          seen.add(person.accountId);
          people.push(person);
        }
      }
    });
    return found;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    const pipeline = this.redis.pipeline();
    for (const draftId of this.published.keys()) pipeline.hdel(keyOf(draftId), this.instanceId);
    await pipeline.exec().catch(() => undefined);
    this.published.clear();
  }

  /** Writes what changed since the last round (and heartbeats); a failed round is retried whole by the next. */
  private async publish(): Promise<void> {
    if (this.isPublishing) return;
    this.isPublishing = true;
    try {
      const now = this.timing.now();
      const pipeline = this.redis.pipeline();
      const written = new Map<string, { json: string; at: number }>();
      const gone = new Set(this.published.keys());
      for (const { draftId, people } of this.rooms()) {
        if (people.length === 0) continue;
        gone.delete(draftId);
        const json = JSON.stringify(people);
        const last = this.published.get(draftId);
        if (last && last.json === json && now - last.at < this.timing.heartbeatMs) continue;
        pipeline.hset(keyOf(draftId), this.instanceId, JSON.stringify({ at: now, people } satisfies Entry));
        // The hash outlives its last writer by a little, then goes.
        pipeline.pexpire(keyOf(draftId), this.timing.staleAfterMs * 2);
        written.set(draftId, { json, at: now });
      }
      for (const draftId of gone) pipeline.hdel(keyOf(draftId), this.instanceId);
      if (written.size === 0 && gone.size === 0) return;
      const results = await pipeline.exec();
      if (results?.some(([error]) => error)) throw results.find(([error]) => error)![0];
      for (const [draftId, value] of written) this.published.set(draftId, value);
      for (const draftId of gone) this.published.delete(draftId);
    } catch (error) {
      this.logger.debug({ err: (error as Error).message }, 'publishing presence to Redis failed; the next round retries');
    } finally {
      this.isPublishing = false;
    }
  }
}

function parseEntry(value: string): Entry | undefined {
  try {
    const entry = JSON.parse(value) as Entry;
    return typeof entry.at === 'number' && Array.isArray(entry.people) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Presence shared through `redis` (main.ts). */
export const redisPresenceDirectory =
  (redis: Redis, logger: Logger, timing?: RedisPresenceTiming): PresenceDirectoryFactory =>
  (rooms) =>
    new RedisPresenceDirectory(redis, rooms, logger, timing);
