import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisPresenceDirectory } from '../../../server/collab/fanout/RedisPresenceDirectory.ts';
import type { PresentAccount, RoomPeople } from '../../../server/collab/PresenceDirectory.ts';
import { createLogger } from '../../../server/logger.ts';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../../support/redisServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const unavailable = redisUnavailableReason();
const STALE_AFTER_MS = 30_000;

const eddie: PresentAccount = { accountId: 'test-editor', name: 'Eddie Editor', color: '#1f6feb', role: 'editor' };
const lena: PresentAccount = { accountId: 'test-legal', name: 'Lena Legal', color: '#b42318', role: 'legal' };

/**
 * Presence across instances: each instance publishes the people in its rooms
 * to Redis, and reads the others' with its own. Two directories here play two
 * instances, their rooms given by hand, their clock pinned by the test.
 */
describe.skipIf(unavailable !== undefined)('RedisPresenceDirectory', () => {
  let redis: RedisServer;
  const directories: RedisPresenceDirectory[] = [];
  const connections: Redis[] = [];
  let now = 1_000_000;
  const draftId = () => `draft-${Math.random().toString(36).slice(2)}`;

  const instance = (rooms: RoomPeople[]) => {
    const connection = new Redis(redis.url);
    connection.on('error', () => {});
    connections.push(connection);
    const directory = new RedisPresenceDirectory(connection, () => rooms, createLogger('silent'), {
      publishEveryMs: 20,
      heartbeatMs: 10_000,
      staleAfterMs: STALE_AFTER_MS,
      now: () => now,
    });
    directories.push(directory);
    return directory;
  };
  const namesIn = async (directory: RedisPresenceDirectory, id: string) => (await directory.presentIn([id])).get(id)!.map((p) => p.name);

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    for (const directory of directories.splice(0)) await directory.close();
    for (const connection of connections.splice(0)) connection.disconnect();
  });
  afterAll(async () => {
    await redis?.kill();
  });

  it("lists the people on other instances with its own, once per account, and a draft nobody is in as empty", async () => {
    const [shared, onlyOnA, empty] = [draftId(), draftId(), draftId()];
    const a = instance([{ draftId: shared, people: [eddie] }, { draftId: onlyOnA, people: [lena] }]);
    const b = instance([{ draftId: shared, people: [eddie, lena] }]);
    await waitFor(async () => (await namesIn(b, onlyOnA)).length > 0, "A's rooms to reach B");
    const seenByB = await b.presentIn([shared, onlyOnA, empty]);
    expect(seenByB.get(shared)!.map((p) => p.name)).toEqual(['Eddie Editor', 'Lena Legal']);
    expect(seenByB.get(onlyOnA)!.map((p) => p.name)).toEqual(['Lena Legal']);
    expect(seenByB.get(empty)).toEqual([]);
    expect(await namesIn(a, shared)).toEqual(['Eddie Editor', 'Lena Legal']);
  });

  it('stops listing people who left, and ignores an instance that stopped publishing', async () => {
    const id = draftId();
    const roomsOfA: RoomPeople[] = [{ draftId: id, people: [eddie] }];
    instance(roomsOfA);
    const b = instance([]);
    await waitFor(async () => (await namesIn(b, id)).length > 0, "A's room to reach B");

    // Eddie leaves A: gone from B's list at A's next round.
    roomsOfA[0]!.people = [];
    await waitFor(async () => (await namesIn(b, id)).length === 0, 'B to see Eddie gone');

    // Lena joins on A, then A stops answering (its field stays in Redis): B ignores it once it is stale.
    roomsOfA[0]!.people = [lena];
    await waitFor(async () => (await namesIn(b, id)).length > 0, 'B to see Lena');
    now += STALE_AFTER_MS + 1;
    expect(await namesIn(b, id)).toEqual([]);
  });

  it("shows its own rooms' people when Redis is down", async () => {
    const id = draftId();
    const a = instance([{ draftId: id, people: [eddie] }]);
    await redis.kill();
    expect(await namesIn(a, id)).toEqual(['Eddie Editor']);
    await redis.restart();
  });
});
