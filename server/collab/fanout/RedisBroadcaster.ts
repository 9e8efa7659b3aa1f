import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import type { Broadcaster, DraftLock, FanoutHandler, FanoutKind } from './Broadcaster.ts';

const INSTANCE_ID_BYTES = 16;
const KIND_BYTES: Record<FanoutKind, number> = { update: 0, awareness: 1 };
const KINDS: FanoutKind[] = ['update', 'awareness'];

const channelOf = (draftId: string) => `copydesk:draft:${draftId}`;

/**
 * Fan-out over Redis pub/sub. A message is this instance's id, one kind byte
 * and the payload, published as a Buffer on the draft's channel and read as a
 * Buffer (`messageBuffer`: the string event would corrupt binary updates).
 * Messages carrying our own id are skipped, so nothing echoes back. Redis
 * delivers one publisher's messages in order, which keeps updates in order
 * per origin.
 */
export class RedisBroadcaster implements Broadcaster {
  readonly instanceId = randomBytes(INSTANCE_ID_BYTES);
  private readonly handlers = new Map<string, FanoutHandler>();
  private readonly reconnectHandlers: Array<() => void> = [];
  private hasBeenReady = false;

  /** `publisher` and `subscriber` must be two connections: a subscribed connection cannot publish. */
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel, message));
    subscriber.on('ready', () => {
      if (this.hasBeenReady) {
        this.logger.warn('Redis is back; drafts catch up from the database');
        for (const handler of this.reconnectHandlers) handler();
      }
      this.hasBeenReady = true;
    });
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'Redis connection error'));
    }
  }

  publish(draftId: string, kind: FanoutKind, payload: Uint8Array): void {
    // One buffer per update, whatever the number of subscribers.
    const message = Buffer.allocUnsafe(INSTANCE_ID_BYTES + 1 + payload.byteLength);
    this.instanceId.copy(message, 0);
    message[INSTANCE_ID_BYTES] = KIND_BYTES[kind];
    message.set(payload, INSTANCE_ID_BYTES + 1);
    this.publisher.publish(channelOf(draftId), message).catch((error: Error) => {
      this.logger.warn({ draftId, err: error.message }, 'fan-out publish failed; peers catch up from the database');
    });
  }

  subscribe(draftId: string, handler: FanoutHandler): Promise<void> {
    this.handlers.set(channelOf(draftId), handler);
    // Redis answers a SUBSCRIBE once the channel is in effect.
    return this.subscriber.subscribe(channelOf(draftId)).then(
      () => {},
      (error: Error) => {
        this.logger.warn({ draftId, err: error.message }, 'fan-out subscribe failed');
      },
    );
  }

  unsubscribe(draftId: string): void {
    this.handlers.delete(channelOf(draftId));
    this.subscriber.unsubscribe(channelOf(draftId)).catch(() => {});
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  isConnected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private deliver(channel: Buffer, message: Buffer): void {
    if (message.byteLength <= INSTANCE_ID_BYTES) return;
    if (message.subarray(0, INSTANCE_ID_BYTES).equals(this.instanceId)) return;
    const handler = this.handlers.get(channel.toString());
    const kind = KINDS[message[INSTANCE_ID_BYTES]!];
    if (!handler || !kind) return;
    try {
      handler(kind, message.subarray(INSTANCE_ID_BYTES + 1));
    } catch (error) {
      this.logger.error({ err: error, channel: channel.toString() }, 'fan-out handler failed');
    }
  }
}

/** A lease in Redis per draft and purpose: SET NX PX, released only by its holder (compare-and-delete). */
export class RedisDraftLock implements DraftLock {
  constructor(
    private readonly redis: Redis,
    private readonly purpose: string,
    private readonly leaseMs: number,
  ) {}

  async acquire(draftId: string): Promise<(() => Promise<void>) | undefined> {
    const key = `copydesk:${this.purpose}:${draftId}`;
    const token = randomBytes(16).toString('hex');
    const granted = await this.redis.set(key, token, 'PX', this.leaseMs, 'NX').catch(() => null);
    if (granted !== 'OK') return undefined;
    return async () => {
      await this.redis
        .eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token)
        .catch(() => {});
    };
  }
}
